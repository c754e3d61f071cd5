import type { ApiDoc, Operation } from "../spec/model.js";
import { defaultServerUrl } from "../spec/parse.js";
import { concretePath, type ExampleInput } from "./example-input.js";
import { jsLiteral } from "./js-literal.js";
import { methodName } from "./names.js";
import type { Sample } from "./sample.js";

/** Client construction per provider; credentials come from the environment, never from the page. */
const CLIENT_SETUP: Record<string, (factory: string, api: ApiDoc) => string> = {
  tencent: (factory, api) => {
    const region = regionOf(api) ?? "ap-guangzhou";
    return `const client = ${factory}({
  region: ${JSON.stringify(region)},
  credentials: {
    secretId: process.env.TENCENTCLOUD_SECRET_ID!,
    secretKey: process.env.TENCENTCLOUD_SECRET_KEY!,
  },
});`;
  },
  aws: (factory, api) => {
    const region = api.servers[0]?.variables.region?.default ?? "us-east-1";
    return `const client = ${factory}({
  region: ${JSON.stringify(region)},
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
  },
});`;
  },
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
