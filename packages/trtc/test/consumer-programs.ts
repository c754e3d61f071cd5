import { consumerCredentials } from "./server.js";

const body = (load: string) => `${load}
const client = createTrtcClient({
  region: "ap-singapore",
  endpoint: ENDPOINT,
  credentials: ${JSON.stringify(consumerCredentials)},
});
const stopped = await client.stopAIConversation({ TaskId: "task-1" });
let error;
try {
  await client.describeAIConversation({ TaskId: "missing" });
} catch (e) {
  error = { isServiceError: e instanceof ServiceError, code: e.code, requestId: e.requestId, operation: e.operation };
}
const result = { stopped, error, llm: JSON.parse(llmConfig({ LLMType: "openai", APIKey: "k", APIUrl: "u" })) };
`;

/** An ES module using the installed package through `import`. */
export const esmProgram = `${body('import { createTrtcClient, llmConfig, ServiceError } from "@voicetask/trtc";\nconst ENDPOINT = process.env.ENDPOINT;')}
console.log(JSON.stringify({ ...result, format: "esm" }));
`;

/** A CommonJS script using the installed package through `require`. */
export const cjsProgram = `const { createTrtcClient, llmConfig, ServiceError } = require("@voicetask/trtc");
const ENDPOINT = process.env.ENDPOINT;
(async () => {
${body("")}
console.log(JSON.stringify({ ...result, format: "cjs", resolved: require.resolve("@voicetask/trtc") }));
})();
`;

/** A browser module: calls the API of the page's own origin and leaves the result on `window`. */
export const browserProgram = `${body('import { createTrtcClient, llmConfig, ServiceError } from "@voicetask/trtc";\nconst ENDPOINT = location.origin;')}
window.__result = result;
`;
