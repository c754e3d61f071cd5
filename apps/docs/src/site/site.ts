import type { DocsApi } from "../model/load.js";
import { apiPage, referenceIndexPage } from "../pages/api-page.js";
import { changelogPage, readChangelogs, readPendingChangesets } from "../pages/changelog.js";
import { eventPage, eventsIndexPage } from "../pages/event-page.js";
import { guidePages, guidesIndexPage, loadGuides } from "../pages/guides.js";
import { landingPage } from "../pages/landing.js";
import { operationPage } from "../pages/operation-page.js";
import { searchPage } from "../pages/search-page.js";
import type { Page } from "./page.js";

export interface SiteInput {
  apis: readonly DocsApi[];
  contentDir: string;
  repoRoot: string;
}

/** Every page of the site, in navigation order: one per API, operation, webhook's API and event type. */
export async function buildPages(input: SiteInput): Promise<Page[]> {
  const guides = loadGuides(input.contentDir);
  const pages: Page[] = [
    landingPage(input.apis, guides),
    guidesIndexPage(guides),
    ...guidePages(guides),
    referenceIndexPage(input.apis.map((a) => a.model)),
  ];
  for (const api of input.apis) {
    pages.push(apiPage(api.model));
    for (const op of api.model.operations) pages.push(await operationPage(api, op));
    if (api.model.webhooks.length) pages.push(eventsIndexPage(api));
    for (const webhook of api.model.webhooks)
      for (const variant of webhook.variants) pages.push(eventPage(api, webhook, variant));
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
