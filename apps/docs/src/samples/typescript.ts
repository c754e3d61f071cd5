import type { ApiDoc, Operation } from "../spec/model.js";
import { defaultServerUrl } from "../spec/parse.js";
import { concretePath, type ExampleInput } from "./example-input.js";
import { jsLiteral } from "./js-literal.js";
import { methodName } from "./names.js";
import type { Sample } from "./sample.js";

/** Client construction per provider; keys come from the environment through core's default chain. */
const CLIENT_SETUP: Record<string, (factory: string, api: ApiDoc) => string> = {
  tencent: (factory, api) =>
    `// Keys: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY from the environment (or pass \`credentials\`).
const client = ${factory}({ region: ${JSON.stringify(regionOf(api) ?? "ap-guangzhou")} });`,
  aws: (factory, api) =>
    `// Keys: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment (or pass \`credentials\`).
const client = ${factory}({ region: ${JSON.stringify(api.servers[0]?.variables.region?.default ?? "us-east-1")} });`,
};

/** The first value of the X-TC-Region enum, for Tencent samples. */
export function regionOf(api: ApiDoc): string | undefined {
  for (const op of api.operations) {
    const p = op.parameters.find((x) => x.name.toLowerCase() === "x-tc-region");
    const schema = p?.schema as { enum?: unknown[] } | undefined;
    if (schema?.enum?.[0] !== undefined) return String(schema.enum[0]);
  }
  return undefined;
}

/**
 * The TypeScript sample: for provider APIs a call of the typed client (`client.stopAIConversation({...})`,
 * path labels and body members in one input object, as in the AWS SDK); for the mock's control API a plain
 * `fetch`, since it needs no signature.
 */
export function typescriptSample(api: ApiDoc, op: Operation, input: ExampleInput): Sample {
  const client = api.source.client;
  if (client) {
    const setup = CLIENT_SETUP[api.source.kind];
    if (!setup) throw new Error(`No client setup for ${api.source.kind}`);
    const args = { ...input.path, ...input.query, ...(input.body ?? {}) };
    const call = `const result = await client.${methodName(op.operationId)}(${jsLiteral(args)});`;
    return {
      label: "TypeScript client",
      language: "ts",
      code: `import { ${client.factory} } from "${client.packageName}";\n\n${setup(client.factory, api)}\n\n${call}\nconsole.log(result);`,
    };
  }
  const base = defaultServerUrl(api) ?? "http://127.0.0.1:4010";
  const init: string[] = [`method: ${JSON.stringify(op.method)}`];
  if (input.body) {
    init.push(`headers: { "content-type": "application/json" }`);
    init.push(`body: JSON.stringify(${jsLiteral(input.body, "  ")})`);
  }
  const hasJson = op.responses.some((r) => r.status.startsWith("2") && r.body);
  return {
    label: "TypeScript (fetch)",
    language: "ts",
    code: `const response = await fetch(${JSON.stringify(base + concretePath(op, input))}, {\n  ${init.join(",\n  ")},\n});\nif (!response.ok) throw new Error(\`\${response.status}: \${await response.text()}\`);${hasJson ? "\nconsole.log(await response.json());" : ""}`,
  };
}
