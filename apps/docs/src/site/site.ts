import { apiPage, referenceIndexPage } from "../pages/api-page.js";
import { changelogPage, readChangelogs, readPendingChangesets } from "../pages/changelog.js";
import { guidePages, guidesIndexPage, loadGuides } from "../pages/guides.js";
import { landingPage } from "../pages/landing.js";
import { operationPage } from "../pages/operation-page.js";
import { searchPage } from "../pages/search-page.js";
import type { ApiDoc } from "../spec/model.js";
import type { Page } from "./page.js";

export interface SiteInput {
  apis: ApiDoc[];
  contentDir: string;
  repoRoot: string;
}

/** Every page of the site, in navigation order. */
export function buildPages(input: SiteInput): Page[] {
  const guides = loadGuides(input.contentDir);
  const pages: Page[] = [
    landingPage(input.apis, guides),
    guidesIndexPage(guides),
    ...guidePages(guides),
    referenceIndexPage(input.apis),
  ];
  for (const api of input.apis) {
    pages.push(apiPage(api));
    for (const op of api.operations) pages.push(operationPage(api, op));
  }
  pages.push(changelogPage(readPendingChangesets(input.repoRoot), readChangelogs(input.repoRoot)));
  pages.push(searchPage());
  const seen = new Set<string>();
  for (const p of pages) {
    if (seen.has(p.path)) throw new Error(`Two pages would be written to ${p.path}`);
    seen.add(p.path);
  }
  return pages;
}
