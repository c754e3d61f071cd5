import type { ApiModel } from "@voicetask/core";
import { errorAnchor, errorTable } from "../render/error-table.js";
import { esc, scrollTable } from "../render/html.js";
import { renderDescription, renderInline } from "../render/markdown.js";
import { href } from "../site/links.js";
import type { Page } from "../site/page.js";
import { apiPath, eventsPath, operationPath, referenceIndexPath } from "./reference-paths.js";
import { referenceSidebar } from "./reference-sidebar.js";

/** The request line of an operation as the table shows it: `POST / (StopAIConversation)`, `GET /a/{b}`. */
function requestLine(op: ApiModel["operations"][number]): string {
  if (op.wire.protocol === "tencent") return `POST / (${op.wire.action})`;
  const query = op.wire.literalQuery.map(([k, v]) => `${k}=${v}`).join("&");
  return `${op.wire.method} ${op.wire.path}${query ? `?${query}` : ""}`;
}

/** A table of an API's operations with method, path, rate limit and retry rule. */
export function operationsTable(api: ApiModel, fromPage: string): string {
  const rows = api.operations
    .map(
      (op) =>
        `<tr><td><a href="${esc(href(fromPage, operationPath(api, op)))}"><code>${esc(op.name)}</code></a></td><td>${renderInline(op.summary)}</td><td><code>${esc(requestLine(op))}</code></td><td>${op.rateLimit ?? "—"}</td><td><code>${esc(api.client ? op.retry : "—")}</code></td></tr>`,
    )
    .join("\n");
  return scrollTable(
    `<table class="ops"><thead><tr><th>Operation</th><th>Summary</th><th>Request</th><th>Rate/s</th><th>Retry</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The overview page of one API: description, servers, authentication, common errors, operations, events. */
export function apiPage(api: ApiModel): Page {
  const path = apiPath(api);
  const servers = api.servers
    .map((s) => {
      const vars = Object.entries(s.variables)
        .map(
          ([name, v]) =>
            `<p class="constraints"><code>{${esc(name)}}</code> default <code>${esc(v.default)}</code>${v.enum ? `; one of ${v.enum.map((e) => `<code>${esc(e)}</code>`).join(", ")}` : ""}</p>`,
        )
        .join("");
      return `<li><code>${esc(s.url)}</code>${renderDescription(s.description)}${vars}</li>`;
    })
    .join("");
  const auth = api.securitySchemes.length
    ? api.securitySchemes
        .map(
          (s) =>
            `<h3 id="scheme-${esc(s.name.toLowerCase())}">${esc(s.name)}</h3>${renderDescription(s.description)}`,
        )
        .join("")
    : "<p>No authentication.</p>";
  const common = api.commonErrors.length
    ? `<section><h2 id="common-errors">Common error codes</h2><p>Any operation can answer with these codes, in addition to its own.</p>${errorTable(api.commonErrors, { status: api.protocol !== "tencent", retry: api.client !== undefined })}</section>`
    : "";
  const events = api.webhooks.length
    ? `<section><h2 id="events">Events</h2><p>While a task runs, the service pushes events: ${api.webhooks
        .map((w) => renderInline(w.summary))
        .join(
          "; ",
        )}. See <a href="${esc(href(path, eventsPath(api)))}">receiving events</a> and a page per event type.</p></section>`
    : "";
  const body = `<h1 id="top">${esc(api.title)}</h1>
<p class="lead">Version <code>${esc(api.version)}</code>${api.summary ? ` — ${renderInline(api.summary)}` : ""}</p>
<section><h2 id="operations">Operations</h2>${operationsTable(api, path)}</section>
${events}
<section><h2 id="about">About this API</h2>${renderDescription(api.description)}</section>
<section><h2 id="servers">Servers</h2><ul class="servers">${servers}</ul></section>
<section><h2 id="authentication">Authentication</h2>${auth}</section>
${common}`;
  return {
    path,
    title: api.title,
    section: "reference",
    body,
    sidebar: referenceSidebar(api, path),
    search: [
      { title: api.title, url: path, section: "API reference", text: `${api.name} ${api.summary ?? ""}` },
      ...api.commonErrors.map((e) => ({
        title: e.code,
        url: `${path}#${errorAnchor(e.code)}`,
        section: `${api.title} · common error`,
        text: e.description,
      })),
    ],
  };
}

/** The reference landing page: every API with its operations. */
export function referenceIndexPage(apis: readonly ApiModel[]): Page {
  const path = referenceIndexPath;
  const body = `<h1 id="top">API reference</h1>
<p class="lead">Every operation with its parameters, request and response fields, errors, rate limit, retry rule and code samples in TypeScript, for the CLI and as raw HTTP; every event the services push, with handlers that verify and deduplicate it.</p>
${apis
  .map(
    (api) =>
      `<section><h2 id="${esc(api.name)}"><a href="${esc(href(path, apiPath(api)))}">${esc(api.title)}</a></h2>${api.summary ? `<p>${renderInline(api.summary)}</p>` : ""}${operationsTable(api, path)}${api.webhooks.length ? `<p>Events: <a href="${esc(href(path, eventsPath(api)))}">${api.webhooks.map((w) => esc(w.name)).join(", ")}</a>.</p>` : ""}</section>`,
  )
  .join("\n")}`;
  return { path, title: "API reference", section: "reference", body, search: [] };
}
