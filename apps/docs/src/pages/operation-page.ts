import type { ApiModel, OperationModel, ParameterModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import { codeBlock } from "../render/code-block.js";
import { errorAnchor, errorTable } from "../render/error-table.js";
import { type AnchoredField, anchorPath, type FieldAnchors, fieldAnchors } from "../render/field-anchors.js";
import { esc, scrollTable, textOf } from "../render/html.js";
import { renderDescription, renderInline } from "../render/markdown.js";
import { sampleTabs } from "../render/sample-tabs.js";
import { constraintsOf, fieldName, renderSchema, typeLabel } from "../render/schema.js";
import { cliSample } from "../samples/cli.js";
import { exampleInput } from "../samples/example-input.js";
import { httpSamples } from "../samples/signing.js";
import { typescriptSample } from "../samples/typescript.js";
import { wireRequest } from "../samples/wire-request.js";
import type { Page, SearchEntry } from "../site/page.js";
import type { OperationContext, OperationSection } from "./operation-section.js";
import { operationPath, tryItScriptPath } from "./reference-paths.js";
import { referenceSidebar } from "./reference-sidebar.js";
import { rateLimitText, retryText } from "./retry-rule.js";
import { tryItSection } from "./try-it-section.js";
import { followingWaiters, waitersSection } from "./waiter-section.js";

/** The parameters outside the body: Tencent's common `X-TC-*` headers, or a REST call's labels, query and headers. */
function wireParameters(op: OperationModel): readonly ParameterModel[] {
  return op.wire.protocol === "tencent"
    ? op.wire.headers
    : [...op.wire.labels, ...op.wire.query, ...op.wire.headers];
}

function parametersTable(params: readonly ParameterModel[], anchors: FieldAnchors): string {
  const rows = params
    .map((p) => {
      const constraints = constraintsOf(p.schema);
      const ex = p.examples[0];
      if (ex && !constraints.some((c) => c.startsWith("example")))
        constraints.push(
          `example <code>${esc(typeof ex.value === "string" ? ex.value : JSON.stringify(ex.value))}</code>`,
        );
      if (p.member !== p.name) constraints.push(`input member <code>${esc(p.member)}</code>`);
      const req = p.required ? ' <span class="badge required">required</span>' : "";
      const id = anchors.add({ path: p.name, type: typeLabel(p.schema), description: p.description });
      return `<tr id="${esc(id)}"><td class="prop"><a class="field-link" href="#${esc(id)}">${fieldName(p.name)}</a>${req}</td><td>${esc(p.in)}</td><td class="type"><code>${esc(typeLabel(p.schema))}</code></td><td>${renderDescription(p.description)}${constraints.length ? `<p class="constraints">${constraints.join(" · ")}</p>` : ""}</td></tr>`;
    })
    .join("\n");
  return scrollTable(
    `<table class="params"><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function exampleBlocks(examples: { title: string; value: unknown }[]): string {
  return examples.map((e) => codeBlock(JSON.stringify(e.value, null, 2), "json", e.title)).join("\n");
}

function wireLine(op: OperationModel): string {
  if (op.wire.protocol === "tencent")
    return `<code>POST /</code> with <code>X-TC-Action: ${esc(op.wire.action)}</code>`;
  const query = op.wire.literalQuery.map(([k, v]) => `${k}=${v}`).join("&");
  return `<code>${esc(op.wire.method)} ${esc(op.wire.path)}${query ? `?${esc(query)}` : ""}</code>`;
}

/** How errors travel on the wire, per protocol, and what the clients make of them. */
const ERROR_WIRE: Partial<Record<ApiModel["protocol"], string>> = {
  tencent:
    'API errors arrive as HTTP 200 with `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`; the clients throw a `ServiceError` whose `code` is the `Code`.',
  "aws-rest-json":
    'Errors arrive with their HTTP status, the `x-amzn-ErrorType` header (the error\'s name) and a JSON body `{"Code": …, "Message": …}`; the clients throw a `ServiceError` whose `code` is the error\'s name. Authentication failures are answered before the operation runs; see [authentication](index.html#authentication).',
};

const parametersSection: OperationSection = ({ op, used, fields }) => {
  const params = wireParameters(op);
  if (!params.length) return undefined;
  return {
    id: "parameters",
    title: "Parameters and headers",
    html: parametersTable(params, fieldAnchors("parameter", used, fields)),
  };
};

const requestBodySection: OperationSection = ({ api, op, used, fields }) => {
  if (!op.bodySchema) return undefined;
  // The examples as sent: each request example's body, as the client's builder makes it.
  const examples = op.requestExamples.flatMap((e) => {
    const body = wireRequest(api, op, e.value as Record<string, unknown>).body;
    return body === undefined
      ? []
      : [{ title: `Request example “${e.summary ?? e.name}”`, value: JSON.parse(body) }];
  });
  return {
    id: "request-body",
    title: "Request body",
    html: `<p class="media-type">Content type <code>application/json</code>${op.bodyRequired ? "" : " (optional)"}</p>${renderSchema(op.bodySchema, fieldAnchors("request", used, fields))}${exampleBlocks(examples)}`,
  };
};

/** A response's headers, as a table of name and description. */
function responseHeaders(headers: OperationModel["responses"][number]["headers"]): string {
  if (!headers.length) return "";
  const rows = headers
    .map(
      (h) =>
        `<tr><td class="prop"><code>${esc(h.name)}</code></td><td>${renderDescription(h.description)}</td></tr>`,
    )
    .join("");
  return `<h4>Headers</h4>${scrollTable(`<table class="params"><thead><tr><th>Name</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`)}`;
}

const responseSection: OperationSection = ({ api, op, used, fields }) => {
  const envelope =
    api.model.protocol === "tencent"
      ? '<p>The result arrives inside the envelope <code>{"Response": {…}}</code>; the clients answer what is inside.</p>'
      : "";
  const success = op.responses.find((r) => r.status === String(op.successStatus));
  const body = op.outputSchema
    ? `${envelope}${renderSchema(op.outputSchema, fieldAnchors("response", used, fields))}${exampleBlocks(
        op.responseExamples.map((e) => ({
          title: `Response example “${e.summary ?? e.name}”`,
          value: e.value,
        })),
      )}`
    : '<p class="muted">No body.</p>';
  // The other documented answers (Tencent's come with HTTP 200 too, as the error envelope: see Errors).
  const others = op.responses
    .filter((r) => r !== success)
    .map((r) => {
      const schema = r.schema
        ? `<h4>Body</h4>${renderSchema(r.schema, fieldAnchors(`response-${r.status}`, used, fields))}${exampleBlocks(
            r.examples.map((e) => ({ title: `Example “${e.summary ?? e.name}”`, value: e.value })),
          )}`
        : '<p class="muted">No body.</p>';
      return `<section class="response"><h3 id="response-${esc(r.status)}">${esc(r.status)}</h3>${renderDescription(r.description)}${responseHeaders(r.headers)}${schema}</section>`;
    })
    .join("\n");
  return {
    id: "responses",
    title: "Responses",
    html: `<p>HTTP <code>${op.successStatus}</code> on success.</p>${renderDescription(success?.description)}${success ? responseHeaders(success.headers) : ""}${body}${others}`,
  };
};

const errorsSection: OperationSection = ({ api, op }) => {
  const { commonErrors, protocol } = api.model;
  if (!op.errors.length && !commonErrors.length) return undefined;
  const show = { status: protocol !== "tencent", retry: api.model.client !== undefined };
  const own = op.errors.length ? `<p>Error codes of this operation:</p>${errorTable(op.errors, show)}` : "";
  const common = commonErrors.length
    ? `<p>Every operation of this API can also answer with one of the <a href="index.html#common-errors">${commonErrors.length} common error codes</a>.</p>`
    : "";
  const wire = ERROR_WIRE[protocol];
  return {
    id: "errors",
    title: "Errors",
    html: `${own}${common}${wire ? `<p>${renderInline(wire)}</p>` : ""}`,
  };
};

const retrySection: OperationSection = ({ api, op }) => ({
  id: "rate-limit-and-retries",
  title: "Rate limit and retries",
  html: `<p>${renderInline(rateLimitText(op))}</p><p>${renderInline(
    api.model.client ? retryText(op) : "This API has no client: nothing resends a call for you.",
  )}</p>`,
});

const samplesSection: OperationSection = async ({ api, op, input }) => ({
  id: "samples",
  title: "Code samples",
  html: `${input.label ? `<p class="muted">For the request example “${esc(input.label)}”.</p>` : ""}${sampleTabs(
    "samples",
    [
      { label: "TypeScript", samples: [typescriptSample(api, op, input)] },
      { label: api.model.cli ? "CLI" : "curl", samples: [cliSample(api, op, input)] },
      { label: "HTTP", samples: await httpSamples(api, op, input) },
    ],
  )}`,
});

/** The sections of an operation page, in order. Each reads the model through the context. */
const SECTIONS: OperationSection[] = [
  ({ op }) => ({ id: "description", title: "Description", html: renderDescription(op.description) }),
  parametersSection,
  requestBodySection,
  responseSection,
  errorsSection,
  retrySection,
  samplesSection,
  tryItSection,
  followingWaiters,
  waitersSection,
];

/** Search entries that link straight to a field's row and to an error code's row on the page. */
function deepLinks(op: OperationModel, path: string, fields: AnchoredField[]): SearchEntry[] {
  const where: Record<string, string> = {
    request: "request field",
    response: "response field",
    parameter: "parameter",
  };
  return [
    ...fields.map((f) => ({
      title: anchorPath(f.path),
      url: `${path}#${f.id}`,
      section: `${op.name} · ${where[f.scope] ?? f.scope.replace("-", " ")}`,
      text: `${f.type}. ${textOf(renderInline(f.description ?? ""))}`,
    })),
    ...op.errors.map((e) => ({
      title: e.code,
      url: `${path}#${errorAnchor(e.code)}`,
      section: `${op.name} · error`,
      text: textOf(renderInline(e.description)),
    })),
  ];
}

/** Builds the reference page of one operation. */
export async function operationPage(api: DocsApi, op: OperationModel): Promise<Page> {
  const path = operationPath(api.model, op);
  const ctx: OperationContext = { api, op, path, input: exampleInput(op), used: new Set(), fields: [] };
  const sections = [];
  for (const section of SECTIONS) {
    const s = await section(ctx);
    if (s) sections.push(s);
  }
  const facts = [
    `<dt>Request</dt><dd>${wireLine(op)}</dd>`,
    `<dt>API</dt><dd><a href="index.html">${esc(api.model.title)}</a> (version <code>${esc(api.model.version)}</code>)</dd>`,
    op.rateLimit !== undefined ? `<dt>Rate limit</dt><dd>${op.rateLimit} requests/s</dd>` : "",
    api.model.client ? `<dt>Retry</dt><dd><code>${esc(op.retry)}</code></dd>` : "",
    api.model.client
      ? `<dt>Client</dt><dd><code>client.${esc(op.methodName)}(input)</code>${api.model.cli ? ` · CLI <code>voicetask ${esc(api.model.cli.name)} ${esc(op.command)}</code>` : ""}</dd>`
      : "",
  ].join("\n");
  const body = `<h1 id="top"><code class="op-name">${esc(op.name).replace(/(?<=[a-z])(?=[A-Z])/g, "<wbr>")}</code></h1>
<p class="lead">${renderInline(op.summary)}</p>
<dl class="facts">
${facts}
</dl>
<p class="jump">On this page: ${sections.map((s) => `<a href="#${s.id}">${esc(s.title)}</a>`).join(" · ")}</p>
${sections.map((s) => `<section><h2 id="${s.id}">${esc(s.title)}</h2>${s.html}</section>`).join("\n")}`;
  return {
    path,
    title: `${op.name} — ${api.model.title}`,
    section: "reference",
    body,
    sidebar: referenceSidebar(api.model, path),
    ...(sections.some((s) => s.id === "try-it") && api.model.client
      ? { tryIt: { script: tryItScriptPath(api.model), client: api.model.client.packageName } }
      : {}),
    search: [
      { title: op.name, url: path, section: api.model.title, text: textOf(renderInline(op.summary)) },
      ...deepLinks(op, path, ctx.fields),
    ],
  };
}
