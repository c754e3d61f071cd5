import { readFileSync } from "node:fs";
import type { ApiModel, SchemaModel, WebhookModel } from "@voicetask/core";
import { SpecError } from "../model/extensions.js";
import { jsdoc, literal } from "./jsdoc.js";
import type { EventSchema, EventVariant } from "./runtime/event-parser.js";

// The receiving side of a client: for each webhook, its variants as a compact table (the values that select a
// variant and the rules its body keeps, nothing else) and a typed parser over the shared runtime
// (`event-parser.ts`, copied from render/runtime/ so that a client needs nothing at run time).

/** Keywords the runtime checks; a spec that uses another validation keyword in an event fails the generator. */
const CHECKED = new Set([
  "type",
  "const",
  "enum",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "maxItems",
]);
/** Keywords that say nothing about validity (JSON Schema 2020-12 treats `format` as an annotation). */
const IGNORED = new Set([
  "description",
  "title",
  "examples",
  "example",
  "format",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "contentMediaType",
  "contentEncoding",
]);

/** `schema` reduced to what the runtime checks (see `EventSchema`). */
export function compactSchema(schema: SchemaModel, where: string): EventSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (IGNORED.has(key) || key.startsWith("x-")) continue;
    if (!CHECKED.has(key))
      throw new SpecError(
        `${where}: event schemas cannot use ${key} (the event parser checks ${[...CHECKED].join(", ")})`,
      );
    if (key === "properties") {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, SchemaModel>).map(([name, s]) => [
          name,
          compactSchema(s, `${where}.${name}`),
        ]),
      );
    } else if (key === "items") out.items = compactSchema(value as SchemaModel, `${where}[]`);
    else if (key === "additionalProperties") {
      // `true` is the default: leave it out.
      if (value !== true)
        out.additionalProperties =
          value === false ? false : compactSchema(value as SchemaModel, `${where}.*`);
    } else out[key] = value;
  }
  return out;
}

/** The runtime table of a webhook: each variant's name, selecting values and compact schema. */
export function eventVariants(webhook: WebhookModel): EventVariant[] {
  return webhook.variants.map((v) => ({
    name: v.name,
    values: v.values,
    schema: compactSchema(v.schema, v.name),
  }));
}

/** The name of a webhook's body schema (`AIConversationEvent`): its parser is `parse<Name>`. */
function payloadName(webhook: WebhookModel): string {
  const name = webhook.payloadSchema["x-schema-name"];
  if (typeof name !== "string")
    throw new SpecError(`webhook ${webhook.name}: the body schema must be a named schema`);
  return name;
}

function renderWebhook(webhook: WebhookModel): string {
  const payload = payloadName(webhook);
  const table = `${payload}Variants`;
  const members = webhook.variants
    .map((v) => {
      const selects = v.catchAll
        ? "Any event no other variant names (kept, never dropped)."
        : `Selected by ${Object.entries(v.values)
            .map(([path, value]) => `\`${path}\` ${JSON.stringify(value)}`)
            .join(", ")}.`;
      return `${jsdoc(`${v.description}\n\n${selects}`, "  ")}  | { readonly type: ${JSON.stringify(v.name)}; readonly event: Schemas[${JSON.stringify(v.name)}] }`;
    })
    .join("\n");
  return `${jsdoc(`${webhook.summary}: an event read by \`parse${payload}\`. \`type\` names its variant (the schema of \`event\`).`)}export type Parsed${payload} =
${members};

${jsdoc(`The variants of ${webhook.name}: the values that select each and the rules its body keeps.`)}export const ${table}: readonly EventVariant[] = ${literal(eventVariants(webhook))};

${jsdoc(`Reads a parsed ${webhook.name} body as its variant. An event of a type the spec does not describe is the catch-all variant, never dropped; a body that breaks its variant's rules throws an \`EventParseError\` naming the member.`)}export function parse${payload}(body: unknown): Parsed${payload} {
  return parseEvent(${table}, body) as Parsed${payload};
}
`;
}

/** `events.ts` of a client: one typed parser per webhook. */
export function renderEvents(model: ApiModel): string {
  return `import { type EventVariant, parseEvent } from "./event-parser.js";
import type { components } from "./schema.js";

type Schemas = components["schemas"];

${model.webhooks.map(renderWebhook).join("\n")}`;
}

/** `event-parser.ts`: the runtime the parsers share, as written in render/runtime/. */
export function renderEventParser(): string {
  return readFileSync(new URL("./runtime/event-parser.ts", import.meta.url), "utf8");
}
