import type { ApiModel, OperationModel } from "@voicetask/core";
import { jsdoc } from "./jsdoc.js";

// `methods.ts` of a client: the request and result type of every operation, the methods interface (with the
// spec's summary and description as JSDoc, so editors show them on hover) and the method → operation map.

const q = JSON.stringify;
const op = (name: string) => `Schema[${q(name)}]`;
const body = (o: OperationModel) =>
  o.bodySchema
    ? `NonNullable<${op(o.name)}["requestBody"]>["content"]["application/json"]`
    : "Record<never, never>";

/** The JSDoc of a method: summary, description, and the facts a caller should know before calling. */
function methodDoc(o: OperationModel): string {
  const facts = [
    `Rate limit: ${o.rateLimit} requests per second per account.`,
    o.retry === "always"
      ? "Retried automatically when the outcome is unknown (the operation is idempotent)."
      : o.retry === "never"
        ? "Never resent after an unknown outcome (not idempotent)."
        : `Retried after an unknown outcome only when \`${o.retry}\` is set (it makes a resend idempotent).`,
    ...(o.retryExists
      ? [
          `A resend that meets \`${o.retryExists.code}\` finds what the first attempt created with ${o.retryExists.operation} and answers it.`,
        ]
      : []),
  ];
  return jsdoc(`${o.summary}\n\n${o.description.trim()}\n\n${facts.join(" ")}`, "  ");
}

function methodsInterface(
  model: ApiModel,
  request: (o: OperationModel) => string,
  result: (o: OperationModel) => string,
) {
  const members = model.operations.map(
    (o) =>
      `${methodDoc(o)}  ${o.methodName}(${model.protocol === "tencent" ? "request" : "input"}: ${request(o)}, options?: CallOptions): Promise<${result(o)}>;\n`,
  );
  const map = model.operations.map((o) => `  ${o.methodName}: ${q(o.name)},\n`).join("");
  return `/** One method per operation of the ${model.title} API. */
export interface Methods {
${members.join("\n")}}

/** Client method → operation name. */
export const methods = {
${map}} as const;

export type MethodName = keyof typeof methods;
`;
}

function tencentTypes(model: ApiModel): string {
  const aliases = model.operations
    .map(
      (
        o,
      ) => `${jsdoc(`The request of ${o.name}: its fields as on the wire (PascalCase), as in the official SDKs.`)}export type ${o.name}Request = ${body(o)};
${jsdoc(`The result of ${o.name}: the \`Response\` object of the envelope (with \`RequestId\`).`)}export type ${o.name}Response = Exclude<Extract<${op(o.name)}["responses"][${o.successStatus}]["content"]["application/json"], { Response: unknown }>["Response"], { Error: unknown }>;
`,
    )
    .join("\n");
  const table = (suffix: string) =>
    model.operations.map((o) => `  ${o.name}: ${o.name}${suffix};\n`).join("");
  return `${aliases}
interface Requests {
${table("Request")}}
interface Responses {
${table("Response")}}

/** The request of an operation, by name. */
export type RequestOf<N extends keyof Requests> = Requests[N];
/** The result of an operation, by name. */
export type ResponseOf<N extends keyof Responses> = Responses[N];

${methodsInterface(
  model,
  (o) => `${o.name}Request`,
  (o) => `${o.name}Response`,
)}`;
}

function restTypes(model: ApiModel): string {
  const aliases = model.operations
    .map((o) => {
      if (o.wire.protocol !== "rest") throw new Error(`${o.name}: not a REST operation`);
      const members = [...o.wire.labels, ...o.wire.query, ...o.wire.headers].map(
        (p) =>
          `  ${q(p.member)}${p.required ? "" : "?"}: NonNullable<${op(o.name)}["parameters"][${q(p.in)}]>[${q(p.name)}];\n`,
      );
      return `${jsdoc(`The input of ${o.name}, shaped like the AWS SDK command input: parameters and body members side by side.`)}export type ${o.name}Input = {
${members.join("")}} & ${body(o)};
${jsdoc(`The output of ${o.name}: the success body with timestamps as \`Date\`, plus \`$metadata\`.`)}export type ${o.name}Output = WithDates<JsonContent<${op(o.name)}["responses"][${o.successStatus}]>> & {
  $metadata: ResponseMetadata;
};
`;
    })
    .join("\n");
  const table = (suffix: string) =>
    model.operations.map((o) => `  ${o.name}: ${o.name}${suffix};\n`).join("");
  return `type JsonContent<R> = R extends { content: { "application/json": infer B } } ? B : Record<never, never>;

/** Like the AWS SDK's \`$metadata\`: where the answer came from. */
export interface ResponseMetadata {
  httpStatusCode: number;
  requestId: string | undefined;
}

${aliases}
interface Inputs {
${table("Input")}}
interface Outputs {
${table("Output")}}

/** The input of an operation, by name. */
export type InputOf<N extends keyof Inputs> = Inputs[N];
/** The output of an operation, by name. */
export type OutputOf<N extends keyof Outputs> = Outputs[N];

${methodsInterface(
  model,
  (o) => `${o.name}Input`,
  (o) => `${o.name}Output`,
)}`;
}

export function renderMethods(model: ApiModel): string {
  const imports = [
    `import type { CallOptions } from "@voicetask/core";`,
    ...(model.protocol === "tencent" ? [] : [`import type { WithDates } from "../dates.js";`]),
    `import type { operations as Schema } from "./schema.js";`,
  ];
  return `${imports.join("\n")}\n\n${model.protocol === "tencent" ? tencentTypes(model) : restTypes(model)}`;
}
