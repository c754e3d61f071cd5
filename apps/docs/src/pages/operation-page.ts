import { codeBlock } from "../render/code-block.js";
import { type AnchoredField, anchorPath, type FieldAnchors, fieldAnchors } from "../render/field-anchors.js";
import { esc, scrollTable, textOf } from "../render/html.js";
import { renderDescription, renderInline } from "../render/markdown.js";
import { constraintsOf, fieldName, renderSchema, typeLabel } from "../render/schema.js";
import { tabs } from "../render/tabs.js";
import { cliSample } from "../samples/cli.js";
import { exampleInput } from "../samples/example-input.js";
import { httpSamples } from "../samples/http.js";
import type { Sample } from "../samples/sample.js";
import { typescriptSample } from "../samples/typescript.js";
import type { Page, SearchEntry } from "../site/page.js";
import type { ApiDoc, BodyInfo, ErrorCode, NamedExample, Operation, ParameterInfo } from "../spec/model.js";
import { operationPath } from "./reference-paths.js";
import { referenceSidebar } from "./reference-sidebar.js";
import { rateLimitText, retryText } from "./retry-rule.js";

function parametersTable(api: ApiDoc, params: ParameterInfo[], anchors?: FieldAnchors): string {
  const rows = params
    .map((p) => {
      const constraints = constraintsOf(api.doc, p.schema);
      const ex = p.examples[0];
      if (ex && !constraints.some((c) => c.startsWith("example")))
        constraints.push(
          `example <code>${esc(typeof ex.value === "string" ? ex.value : JSON.stringify(ex.value))}</code>`,
        );
      const req = p.required ? ' <span class="badge required">required</span>' : "";
      const id = anchors?.add({
        path: p.name,
        type: typeLabel(api.doc, p.schema),
        description: p.description,
      });
      const name = id
        ? `<a class="field-link" href="#${esc(id)}">${fieldName(p.name)}</a>`
        : fieldName(p.name);
      return `<tr${id ? ` id="${esc(id)}"` : ""}><td class="prop">${name}${req}</td><td>${esc(p.in)}</td><td class="type"><code>${esc(typeLabel(api.doc, p.schema))}</code></td><td>${renderDescription(p.description)}${constraints.length ? `<p class="constraints">${constraints.join(" · ")}</p>` : ""}</td></tr>`;
    })
    .join("\n");
  return scrollTable(
    `<table class="params"><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function examplesHtml(examples: NamedExample[], kind: string): string {
  return examples
    .map((e) => {
      const title = `${kind} example “${e.summary ?? e.key}”`;
      return `${e.description ? renderDescription(e.description) : ""}${codeBlock(JSON.stringify(e.value, null, 2), "json", title)}`;
    })
    .join("\n");
}

function bodyHtml(api: ApiDoc, body: BodyInfo, kind: string, anchors: FieldAnchors): string {
  return `<p class="media-type">Content type <code>${esc(body.mediaType)}</code>${body.required ? "" : " (optional)"}</p>${renderDescription(body.description)}${renderSchema(api.doc, body.schema, anchors)}${examplesHtml(body.examples, kind)}`;
}

export function errorTable(codes: ErrorCode[]): string {
  const withStatus = codes.some((c) => c.status !== undefined);
  const head = withStatus
    ? "<th>Code</th><th>HTTP</th><th>Fault</th><th>Meaning</th>"
    : "<th>Code</th><th>Meaning</th>";
  const rows = codes
    .map((c) => {
      const extra = withStatus
        ? `<td class="status">${esc(c.status ?? "")}</td><td class="fault">${esc(c.fault ?? "")}</td>`
        : "";
      return `<tr id="error-${esc(c.code.replace(/[^A-Za-z0-9]+/g, "-"))}"><td><code>${esc(c.code)}</code></td>${extra}<td>${renderInline(c.description)}</td></tr>`;
    })
    .join("\n");
  return scrollTable(`<table class="errors"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

function samplesHtml(samples: Sample[]): string {
  return samples
    .map(
      (s) =>
        `${s.note ? `<p class="sample-note">${renderInline(s.note)}</p>` : ""}${codeBlock(s.code, s.language, s.label)}`,
    )
    .join("\n");
}

/** The samples as tabs: TypeScript, the command line (the CLI, or curl for the mock's control API), HTTP. */
function sampleTabs(ts: Sample, cli: Sample, http: Sample[]): string {
  return tabs("samples", "Code samples", [
    { label: "TypeScript", html: samplesHtml([ts]) },
    { label: cli.label === "CLI" ? "CLI" : cli.label, html: samplesHtml([cli]) },
    { label: "HTTP", html: samplesHtml(http) },
  ]);
}

/** Search entries that link straight to a field's row and to an error code's row on the page. */
function deepLinks(op: Operation, path: string, fields: AnchoredField[]): SearchEntry[] {
  const where: Record<string, string> = {
    request: "request field",
    response: "response field",
    parameter: "parameter",
  };
  return [
    ...fields.map((f) => ({
      title: anchorPath(f.path),
      url: `${path}#${f.id}`,
      section: `${op.operationId} · ${where[f.scope] ?? f.scope.replace("-", " ")}`,
      text: `${f.type}. ${textOf(renderInline(f.description ?? ""))}`,
    })),
    ...op.errorCodes.map((c) => ({
      title: c.code,
      url: `${path}#error-${c.code.replace(/[^A-Za-z0-9]+/g, "-")}`,
      section: `${op.operationId} · error`,
      text: textOf(renderInline(c.description)),
    })),
  ];
}

function wireLine(op: Operation): string {
  if (op.action)
    return `<code>${esc(op.wireMethod)} ${esc(op.wirePath)}</code> with <code>X-TC-Action: ${esc(op.action)}</code>`;
  return `<code>${esc(op.method)} ${esc(op.path)}</code>`;
}

/** Builds the reference page of one operation. */
export function operationPage(api: ApiDoc, op: Operation): Page {
  const path = operationPath(api, op);
  const input = exampleInput(api.doc, op);
  const used = new Set<string>();
  const fields: AnchoredField[] = [];
  const visibleParams = op.parameters;
  const sections: string[] = [];
  sections.push(`<h1 id="top"><code class="op-name">${esc(op.operationId).replace(/(?<=[a-z])(?=[A-Z])/g, "<wbr>")}</code></h1>
<p class="lead">${renderInline(op.summary ?? "")}</p>
<dl class="facts">
<dt>Request</dt><dd>${wireLine(op)}</dd>
<dt>API</dt><dd><a href="index.html">${esc(api.title)}</a> (version <code>${esc(api.version)}</code>)</dd>
${op.rateLimit !== undefined ? `<dt>Rate limit</dt><dd>${op.rateLimit} requests/s</dd>` : ""}
${op.retry !== undefined ? `<dt>Retry</dt><dd><code>${esc(op.retry)}</code></dd>` : ""}
</dl>
<p class="jump">On this page: <a href="#description">Description</a> · ${visibleParams.length ? '<a href="#parameters">Parameters</a> · ' : ""}${op.requestBody ? '<a href="#request-body">Request body</a> · ' : ""}<a href="#responses">Responses</a> · ${op.errorCodes.length || api.commonErrorCodes.length ? '<a href="#errors">Errors</a> · ' : ""}<a href="#rate-limit-and-retries">Rate limit and retries</a> · <a href="#samples">Code samples</a></p>`);
  sections.push(
    `<section><h2 id="description">Description</h2>${renderDescription(op.description)}</section>`,
  );
  if (visibleParams.length)
    sections.push(
      `<section><h2 id="parameters">Parameters and headers</h2>${parametersTable(api, visibleParams, fieldAnchors("parameter", used, fields))}</section>`,
    );
  if (op.requestBody)
    sections.push(
      `<section><h2 id="request-body">Request body</h2>${bodyHtml(api, op.requestBody, "Request", fieldAnchors("request", used, fields))}</section>`,
    );
  const successWithBody = op.responses.find((r) => r.status.startsWith("2") && r.body);
  const responses = op.responses
    .map((r) => {
      const headers = r.headers.length
        ? `<h4>Headers</h4>${parametersTable(
            api,
            r.headers.map((h) => ({ ...h, in: "header", examples: [] })),
          )}`
        : "";
      const scope = r === successWithBody ? "response" : `response-${r.status}`;
      const body = r.body
        ? `<h4>Body</h4>${bodyHtml(api, r.body, "Response", fieldAnchors(scope, used, fields))}`
        : '<p class="muted">No body.</p>';
      return `<section class="response"><h3 id="response-${esc(r.status)}">${esc(r.status)}</h3>${renderDescription(r.description)}${headers}${body}</section>`;
    })
    .join("\n");
  sections.push(`<section><h2 id="responses">Responses</h2>${responses}</section>`);
  if (op.errorCodes.length || api.commonErrorCodes.length) {
    const own = op.errorCodes.length
      ? `<p>Error codes of this operation:</p>${errorTable(op.errorCodes)}`
      : "";
    const common = api.commonErrorCodes.length
      ? `<p>Every operation of this API can also answer with one of the <a href="index.html#common-errors">${api.commonErrorCodes.length} common error codes</a>.</p>`
      : "";
    const auth =
      api.source.kind === "aws"
        ? '<p>Authentication failures are answered before the operation runs; see <a href="index.html#authentication">authentication</a>.</p>'
        : "";
    sections.push(`<section><h2 id="errors">Errors</h2>${own}${common}${auth}</section>`);
  }
  sections.push(
    `<section><h2 id="rate-limit-and-retries">Rate limit and retries</h2><p>${renderInline(rateLimitText(op))}</p><p>${renderInline(retryText(op))}</p></section>`,
  );
  sections.push(
    `<section><h2 id="samples">Code samples</h2>${input.exampleName ? `<p class="muted">For the request example “${esc(input.exampleName)}”.</p>` : ""}${sampleTabs(typescriptSample(api, op, input), cliSample(api, op, input), httpSamples(api, op, input))}</section>`,
  );
  return {
    path,
    title: `${op.operationId} — ${api.source.label}`,
    section: "reference",
    body: sections.join("\n"),
    sidebar: referenceSidebar(api, path),
    search: [
      {
        title: op.operationId,
        url: path,
        section: api.source.label,
        text: textOf(renderInline(op.summary ?? "")),
      },
      ...deepLinks(op, path, fields),
    ],
  };
}
