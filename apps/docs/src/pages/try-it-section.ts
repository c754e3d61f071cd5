import type { ApiModel, FieldModel, SchemaModel } from "@voicetask/core";
import type { TryItData, TryItKind } from "../assets/try-it-data.js";
import { sampleRegion } from "../model/load.js";
import { errorAnchor } from "../render/error-table.js";
import { esc, textOf } from "../render/html.js";
import { renderInline } from "../render/markdown.js";
import type { OperationSection } from "./operation-section.js";

/** Where "Try it" sends by default: the mock as `pnpm start` runs it (the page switches to its own origin when the mock serves it). */
export const DEFAULT_TARGET = "http://127.0.0.1:4010";

/** The key fields a protocol's signer takes (core's `Tc3Credentials`, `AwsCredentials`), as the form asks them. */
const KEY_FIELDS: Partial<
  Record<ApiModel["protocol"], { member: string; label: string; secret: boolean; optional?: boolean }[]>
> = {
  tencent: [
    { member: "secretId", label: "SecretId", secret: false },
    { member: "secretKey", label: "SecretKey", secret: true },
    { member: "token", label: "Token (temporary keys only)", secret: true, optional: true },
  ],
  "aws-rest-json": [
    { member: "accessKeyId", label: "AccessKeyId", secret: false },
    { member: "secretAccessKey", label: "SecretAccessKey", secret: true },
    { member: "sessionToken", label: "SessionToken (temporary keys only)", secret: true, optional: true },
  ],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** How the form reads a field's text back into the input: by the schema's type. */
function kindOf(schema: SchemaModel): TryItKind {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "integer" || type === "number" || type === "boolean" || type === "string") return type;
  if (type === undefined && Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string"))
    return "string";
  return "json";
}

/** The example's value as the control shows it: text as it is, numbers as digits, objects and arrays as JSON. */
function shown(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** One input member's control: a list for an enum or a boolean, a text area for JSON, else a line of text. */
function fieldControl(field: FieldModel, example: unknown): string {
  const id = `try-it-field-${field.name}`;
  const kind = kindOf(field.schema);
  const attrs = `id="${esc(id)}" data-field="${esc(field.name)}" data-kind="${kind}"`;
  const jsonText = field.schema.contentMediaType === "application/json";
  // A JSON-text example that is no JSON (a placeholder such as `your-tts-config-json`) is not offered as a value.
  const value = jsonText && typeof example === "string" && !parsesAsJson(example) ? "" : shown(example);
  const choices = Array.isArray(field.schema.enum)
    ? field.schema.enum.map(String)
    : kind === "boolean"
      ? ["true", "false"]
      : undefined;
  let control: string;
  if (choices) {
    const options = ["", ...choices]
      .map(
        (c) =>
          `<option value="${esc(c)}"${c === value ? " selected" : ""}>${esc(c || "(not sent)")}</option>`,
      )
      .join("");
    control = `<select ${attrs}>${options}</select>`;
  } else if (kind === "json" || jsonText) {
    const rows = Math.min(12, Math.max(3, value.split("\n").length));
    control = `<textarea ${attrs} rows="${rows}" spellcheck="false">${esc(value)}</textarea>`;
  } else {
    const mode =
      kind === "integer" ? ' inputmode="numeric"' : kind === "number" ? ' inputmode="decimal"' : "";
    control = `<input ${attrs} type="text"${mode} value="${esc(value)}" spellcheck="false" autocomplete="off">`;
  }
  const where = field.in === "body" ? "" : ` · ${field.in}`;
  const required = field.required ? ' <span class="badge required">required</span>' : "";
  const hint = jsonText ? " · JSON text" : kind === "json" ? " · JSON" : "";
  return `<div class="try-row"><label for="${esc(id)}"><span class="try-name">${esc(field.name)}</span>${required}<span class="muted"> ${esc(kind === "json" ? "" : kind)}${esc(where)}${esc(hint)}</span></label>${control}</div>`;
}

/** The documented error codes, each with its meaning and its row: the operation's own, then the API's common ones. */
function errorsData(
  model: ApiModel,
  own: readonly { code: string; description: string }[],
): TryItData["errors"] {
  const errors: TryItData["errors"] = {};
  const add = (list: readonly { code: string; description: string }[], page: string) => {
    for (const e of list)
      errors[e.code] = { text: textOf(renderInline(e.description)), href: `${page}#${errorAnchor(e.code)}` };
  };
  add(model.commonErrors, "index.html");
  add(own, "");
  return errors;
}

/** JSON inside a `<script type="application/json">`: nothing in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * "Try it": a form from the operation's input members (`op.fields`, prefilled with the first request example), the
 * keys, the Region and the target. The page's own script (`assets/try-it-<api>.js`, the client's request builder
 * and signer bundled) builds the request with `buildRequest`, signs it with `signRequest` in the browser, shows it,
 * sends it and explains the answer's error code from the model. Only for an API with a client and a signer.
 */
export const tryItSection: OperationSection = ({ api, op, input }) => {
  const keys = KEY_FIELDS[api.model.protocol];
  if (!api.request || !keys) return undefined;
  const region = sampleRegion(api.model) ?? "";
  const regions = api.model.regions.includes(region) ? api.model.regions : [region, ...api.model.regions];
  const data: TryItData = { operation: op.name, errors: errorsData(api.model, op.errors) };
  const keyRows = keys
    .map(
      (k) =>
        `<div class="try-row"><label for="try-it-key-${k.member}"><span class="try-name">${esc(k.label)}</span>${k.optional ? "" : ' <span class="badge required">required</span>'}</label><input id="try-it-key-${k.member}" data-key="${k.member}" type="${k.secret ? "password" : "text"}" autocomplete="off" spellcheck="false"></div>`,
    )
    .join("");
  const regionOptions = regions
    .map((r) => `<option${r === region ? " selected" : ""}>${esc(r)}</option>`)
    .join("");
  const example = isRecord(input.value) ? input.value : {};
  const fields = op.fields.map((f) => fieldControl(f, example[f.name])).join("");
  const html = `<p class="try-it-nojs muted">Try it needs JavaScript.</p>
<div class="try-it" data-try-it hidden>
<p>Builds this request with the client's <code>buildRequest</code>, signs it in your browser with <code>signRequest</code> (<code>${esc(api.model.client?.packageName)}/request</code>) and sends it. Your keys stay in this page's memory: they are never stored, put in the address or logged, and leaving the page forgets them. The default target is the local mock (<code>pnpm docs:try</code> serves these docs from it, so no CORS is needed; a mock on another origin needs <code>--cors</code>).</p>
<fieldset><legend>Keys and target</legend>${keyRows}
<div class="try-row"><label for="try-it-region"><span class="try-name">Region</span></label><select id="try-it-region">${regionOptions}</select></div>
<div class="try-row"><label for="try-it-target"><span class="try-name">Target</span></label><input id="try-it-target" type="url" value="${esc(DEFAULT_TARGET)}" data-default="${esc(DEFAULT_TARGET)}" spellcheck="false" autocomplete="off"></div>
</fieldset>
<fieldset><legend>Input</legend>${fields || '<p class="muted">This operation takes no input.</p>'}</fieldset>
<p><button type="button" class="try-send" data-try-send>Send</button></p>
<div class="try-result" aria-live="polite">
<h3 id="try-it-request" hidden>Signed request</h3><pre class="try-output" data-try-request hidden></pre>
<h3 id="try-it-answer" hidden>Answer</h3><div class="try-explain" data-try-explain hidden></div><pre class="try-output" data-try-answer hidden></pre>
</div>
<script type="application/json" data-try-it-data>${scriptJson(data)}</script>
</div>`;
  return { id: "try-it", title: "Try it", html };
};
