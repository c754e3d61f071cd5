import type { ApiModel } from "@voicetask/core";
import { esc } from "../render/html.js";
import { href } from "../site/links.js";
import { apiPath, eventPath, eventsPath, operationPath } from "./reference-paths.js";

/** Side navigation of a reference page: the API's overview, its operations and its event types. */
export function referenceSidebar(api: ApiModel, fromPage: string): string {
  const item = (to: string, label: string) =>
    `<li><a href="${esc(href(fromPage, to))}"${to === fromPage ? ' aria-current="page"' : ""}>${label}</a></li>`;
  const operations = api.operations.map((op) => item(operationPath(api, op), `<code>${esc(op.name)}</code>`));
  const events = api.webhooks.length
    ? `<p class="sidebar-title">Events</p><ul>${item(eventsPath(api), "Receiving events")}${api.webhooks
        .flatMap((w) => w.variants)
        .map((v) => item(eventPath(api, v), `<code>${esc(v.name)}</code>`))
        .join("")}</ul>`
    : "";
  return `<p class="sidebar-title">${esc(api.title)}</p><ul>${item(apiPath(api), "Overview")}${operations.join("")}</ul>${events}`;
}
