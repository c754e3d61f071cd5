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
// The opt-in raw entry sends through the same client (signed, limited, retried the same way).
const { data: raw } = await rawClient(client).POST("/DescribeAIConversation", {
  params: { header: { "X-TC-Action": "DescribeAIConversation", "X-TC-Version": "2019-07-22", "X-TC-Region": "ap-singapore", "X-TC-Timestamp": 0 } },
  body: { TaskId: "task-2" },
});
const result = { stopped, error, raw, llm: JSON.parse(llmConfig({ LLMType: "openai", APIKey: "k", APIUrl: "u" })) };
`;

/** An ES module using the installed package through `import`. */
export const esmProgram = `${body('import { createTrtcClient, llmConfig, ServiceError } from "@voicetask/trtc";\nimport { rawClient } from "@voicetask/trtc/raw";\nconst ENDPOINT = process.env.ENDPOINT;')}
console.log(JSON.stringify({ ...result, format: "esm" }));
`;

/** A CommonJS script using the installed package through `require`. */
export const cjsProgram = `const { createTrtcClient, llmConfig, ServiceError } = require("@voicetask/trtc");
const { rawClient } = require("@voicetask/trtc/raw");
const ENDPOINT = process.env.ENDPOINT;
(async () => {
${body("")}
console.log(JSON.stringify({ ...result, format: "cjs", resolved: require.resolve("@voicetask/trtc") }));
})();
`;

/** A browser module: calls the API of the page's own origin and leaves the result on `window`. */
export const browserProgram = `${body('import { createTrtcClient, llmConfig, ServiceError } from "@voicetask/trtc";\nimport { rawClient } from "@voicetask/trtc/raw";\nconst ENDPOINT = location.origin;')}
window.__result = result;
`;
