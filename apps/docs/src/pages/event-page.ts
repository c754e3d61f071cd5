import type { ApiModel, WebhookModel, WebhookVariantModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import { codeBlock } from "../render/code-block.js";
import { type AnchoredField, anchorPath, fieldAnchors } from "../render/field-anchors.js";
import { esc, scrollTable, textOf } from "../render/html.js";
import { renderDescription, renderInline } from "../render/markdown.js";
import { sampleTabs } from "../render/sample-tabs.js";
import { fieldName, renderRows, schemaRows, typeLabel } from "../render/schema.js";
import { eventHandlerSamples } from "../samples/event-handlers.js";
import { href } from "../site/links.js";
import type { Page, SearchEntry } from "../site/page.js";
import { eventPath, eventsPath } from "./reference-paths.js";
import { referenceSidebar } from "./reference-sidebar.js";

/** `EventGroupId` 9, `EventType` 902: the values that select a variant, in words. */
function selectedBy(webhook: WebhookModel, variant: WebhookVariantModel): string {
  if (variant.catchAll)
    return `any event whose ${webhook.discriminator.map((p) => `\`${p}\``).join(", ")} name no other variant`;
  return Object.entries(variant.values)
    .map(([path, value]) => `\`${path}\` ${typeof value === "string" ? `\`${value}\`` : value}`)
    .join(", ");
}

/**
 * A variant's title: its name, with the value that selects it when the name does not say it already
 * (`TaskStoppedEvent (902)`, but `IdentificationSuccessfulEvent`).
 */
export function variantTitle(variant: WebhookVariantModel): string {
  const last = Object.values(variant.values).at(-1);
  if (last === undefined) return variant.name;
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return plain(variant.name).includes(plain(String(last))) ? variant.name : `${variant.name} (${last})`;
}

function examplesHtml(variant: WebhookVariantModel): string {
  return variant.examples
    .map((e) => codeBlock(JSON.stringify(e.value, null, 2), "json", `Example “${e.summary ?? e.name}”`))
    .join("\n");
}

function handlerTabs(api: DocsApi, id: string, webhook: WebhookModel, variant?: WebhookVariantModel): string {
  const samples = eventHandlerSamples(api, webhook, variant);
  if (!samples.length) return "";
  return sampleTabs(
    id,
    samples.map((s) => ({ label: s.label, samples: [s] })),
  );
}

function webhookSection(api: DocsApi, webhook: WebhookModel, path: string): string {
  const model = api.model;
  const headers = webhook.headers.length
    ? `<h3 id="${esc(webhook.name)}-headers">Headers</h3>${scrollTable(
        `<table class="params"><thead><tr><th>Name</th><th>Type</th><th>Description</th></tr></thead><tbody>${webhook.headers
          .map(
            (h) =>
              `<tr><td class="prop">${fieldName(h.name)}${h.required ? ' <span class="badge required">required</span>' : ""}</td><td class="type"><code>${esc(typeLabel(h.schema))}</code></td><td>${renderDescription(h.description)}</td></tr>`,
          )
          .join("")}</tbody></table>`,
      )}`
    : "";
  const answers = webhook.responses
    .map((r) => `<li><code>${r.status}</code> ${renderInline(r.description)}</li>`)
    .join("");
  const variants = scrollTable(
    `<table class="ops"><thead><tr><th>Event type</th><th>Selected by</th><th>What happened</th></tr></thead><tbody>${webhook.variants
      .map(
        (v) =>
          `<tr><td><a href="${esc(href(path, eventPath(model, v)))}"><code>${esc(v.name)}</code></a></td><td>${renderInline(selectedBy(webhook, v))}</td><td>${renderInline(firstSentence(v.description))}</td></tr>`,
      )
      .join("\n")}</tbody></table>`,
  );
  return `<section><h2 id="${esc(webhook.name)}"><code>${esc(webhook.name)}</code></h2>
<p class="lead">${renderInline(webhook.summary)}</p>
${renderDescription(webhook.description)}
<p>Sent with <code>${esc(webhook.method)}</code>; the body is JSON, one of the event types below.</p>
${headers}
${answers ? `<h3 id="${esc(webhook.name)}-answer">Answer</h3><ul>${answers}</ul>` : ""}
<h3 id="${esc(webhook.name)}-types">Event types</h3>${variants}
<h3 id="${esc(webhook.name)}-handler">Receiving them</h3>${handlerTabs(api, `${webhook.name}-handlers`, webhook)}
</section>`;
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return match ? match[0] : text;
}

/** The page of an API's events: each webhook, its headers and answers, its event types, and handlers. */
export function eventsIndexPage(api: DocsApi): Page {
  const model = api.model;
  const path = eventsPath(model);
  const body = `<h1 id="top">Events: ${esc(model.title)}</h1>
<p class="lead">What the service pushes while a task runs, how each event is told apart, and handlers that verify, read and deduplicate them.</p>
${model.webhooks.map((w) => webhookSection(api, w, path)).join("\n")}`;
  return {
    path,
    title: `Events — ${model.title}`,
    section: "reference",
    body,
    sidebar: referenceSidebar(model, path),
    search: model.webhooks.map((w) => ({
      title: w.name,
      url: `${path}#${w.name}`,
      section: `${model.title} · events`,
      text: textOf(renderInline(w.summary)),
    })),
  };
}

/** The page of one event type: what it means, what selects it, its fields, its examples, and a handler for it. */
export function eventPage(api: DocsApi, webhook: WebhookModel, variant: WebhookVariantModel): Page {
  const model: ApiModel = api.model;
  const path = eventPath(model, variant);
  const fields: AnchoredField[] = [];
  const rows = renderRows(schemaRows(variant.schema), fieldAnchors("event", new Set(), fields));
  const examples = examplesHtml(variant);
  const handlers = handlerTabs(api, "handlers", webhook, variant);
  const lead = firstSentence(variant.description);
  // The description gets its own section only when it says more than the lead.
  const more = variant.description.trim() !== lead.trim();
  const body = `<h1 id="top"><code class="op-name">${esc(variant.name).replace(/(?<=[a-z])(?=[A-Z])/g, "<wbr>")}</code></h1>
<p class="lead">${renderInline(lead)}</p>
<dl class="facts">
<dt>Event of</dt><dd><a href="${esc(href(path, `${eventsPath(model)}#${webhook.name}`))}"><code>${esc(webhook.name)}</code></a> (${renderInline(webhook.summary)})</dd>
<dt>Selected by</dt><dd>${renderInline(selectedBy(webhook, variant))}</dd>
</dl>
<p class="jump">On this page: ${more ? '<a href="#description">Description</a> · ' : ""}<a href="#fields">Fields</a>${examples ? ' · <a href="#examples">Examples</a>' : ""}${handlers ? ' · <a href="#handler">Receiving it</a>' : ""}</p>
${more ? `<section><h2 id="description">Description</h2>${renderDescription(variant.description)}</section>` : ""}
<section><h2 id="fields">Fields</h2>${rows}</section>
${examples ? `<section><h2 id="examples">Examples</h2>${examples}</section>` : ""}
${handlers ? `<section><h2 id="handler">Receiving it</h2>${handlers}</section>` : ""}`;
  const search: SearchEntry[] = [
    {
      title: variantTitle(variant),
      url: path,
      section: `${model.title} · event`,
      text: `${textOf(renderInline(selectedBy(webhook, variant)))}. ${textOf(renderInline(variant.description))}`,
    },
    ...fields.map((f) => ({
      title: anchorPath(f.path),
      url: `${path}#${f.id}`,
      section: `${variant.name} · event field`,
      text: `${f.type}. ${textOf(renderInline(f.description ?? ""))}`,
    })),
  ];
  return {
    path,
    title: `${variantTitle(variant)} — ${model.title}`,
    section: "reference",
    body,
    sidebar: referenceSidebar(model, path),
    search,
  };
}
