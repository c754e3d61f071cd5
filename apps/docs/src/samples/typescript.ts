import type { OperationModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import { clientSetup } from "./client-setup.js";
import type { ExampleInput } from "./example-input.js";
import { jsLiteral } from "./js-literal.js";
import { withJsonFields } from "./json-fields.js";
import type { Sample } from "./sample.js";
import { wireRequest } from "./wire-request.js";

/** The call of the typed client for an input, JSON-in-a-string fields through the client's helpers. */
export function clientCall(api: DocsApi, op: OperationModel, input: Record<string, unknown>) {
  const helpers = new Set<string>();
  const args = withJsonFields(op.inputSchema, input, api.clientExports, helpers);
  return { call: `client.${op.methodName}(${jsLiteral(args)})`, helpers: [...helpers].sort() };
}

/**
 * The TypeScript sample: for an API with a client a call of its typed method (`client.stopAIConversation({...})`,
 * path labels and body members in one input object, as in the AWS SDK); otherwise a plain `fetch` of the request.
 */
export function typescriptSample(api: DocsApi, op: OperationModel, input: ExampleInput): Sample {
  const client = api.model.client;
  if (client) {
    const { call, helpers } = clientCall(api, op, input.value);
    return {
      label: "TypeScript client",
      language: "ts",
      code: `import { ${[client.factory, ...helpers].join(", ")} } from "${client.packageName}";\n\n${clientSetup(api)}\n\nconst result = await ${call};\nconsole.log(result);`,
    };
  }
  const request = wireRequest(api, op, input.value);
  const init: string[] = [`method: ${JSON.stringify(request.method)}`];
  if (request.body !== undefined) {
    init.push(`headers: { "content-type": "application/json" }`);
    init.push(`body: JSON.stringify(${jsLiteral(JSON.parse(request.body), "  ")})`);
  }
  return {
    label: "TypeScript (fetch)",
    language: "ts",
    code: `const response = await fetch(${JSON.stringify(request.url)}, {\n  ${init.join(",\n  ")},\n});\nif (!response.ok) throw new Error(\`\${response.status}: \${await response.text()}\`);${op.outputSchema ? "\nconsole.log(await response.json());" : ""}`,
  };
}
