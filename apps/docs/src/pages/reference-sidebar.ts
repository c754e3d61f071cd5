import { esc } from "../render/html.js";
import { href } from "../site/links.js";
import type { ApiDoc } from "../spec/model.js";
import { apiPath, operationPath } from "./reference-paths.js";

/** Side navigation of a reference page: the API's overview and its operations. */
export function referenceSidebar(api: ApiDoc, fromPage: string): string {
  const item = (to: string, label: string) =>
    `<li><a href="${esc(href(fromPage, to))}"${to === fromPage ? ' aria-current="page"' : ""}>${label}</a></li>`;
  return `<p class="sidebar-title">${esc(api.source.label)}</p><ul>${item(apiPath(api), "Overview")}${api.operations
    .map((op) => item(operationPath(api, op), `<code>${esc(op.operationId)}</code>`))
    .join("")}</ul>`;
}
