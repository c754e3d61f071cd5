import { consumerCredentials } from "./server.js";

const body = (load: string) => `${load}
const client = createChimeSdkVoiceClient({
  region: "us-east-1",
  endpoint: ENDPOINT,
  credentials: ${JSON.stringify(consumerCredentials)},
});
const got = await client.getSpeakerSearchTask({ VoiceConnectorId: "vc 1", SpeakerSearchTaskId: "task/1" });
const stopped = await client.stopSpeakerSearchTask({ VoiceConnectorId: "vc 1", SpeakerSearchTaskId: "task/1" });
let error;
try {
  await client.getSpeakerSearchTask({ VoiceConnectorId: "vc 1", SpeakerSearchTaskId: "missing" });
} catch (e) {
  error = { isServiceError: e instanceof ServiceError, name: e.name, code: e.code, httpStatus: e.httpStatus, requestId: e.requestId };
}
// The opt-in raw entry sends through the same client (signed, limited, retried the same way); wire JSON.
const { data: raw } = await rawClient(client).GET(
  "/voice-connectors/{VoiceConnectorId}/speaker-search-tasks/{SpeakerSearchTaskId}",
  { params: { path: { VoiceConnectorId: "vc 1", SpeakerSearchTaskId: "task/1" } } },
);
const created = got.SpeakerSearchTask.CreatedTimestamp;
const result = { taskId: got.SpeakerSearchTask.SpeakerSearchTaskId, createdIsDate: created instanceof Date,
  created: created.toISOString(), rawCreated: raw.SpeakerSearchTask.CreatedTimestamp, stopped, error };
`;

/** An ES module using the installed package through `import`. */
export const esmProgram = `${body('import { createChimeSdkVoiceClient, ServiceError } from "@voicetask/chime-sdk-voice";\nimport { rawClient } from "@voicetask/chime-sdk-voice/raw";\nconst ENDPOINT = process.env.ENDPOINT;')}
console.log(JSON.stringify({ ...result, format: "esm" }));
`;

/** A CommonJS script using the installed package through `require`. */
export const cjsProgram = `const { createChimeSdkVoiceClient, ServiceError } = require("@voicetask/chime-sdk-voice");
const { rawClient } = require("@voicetask/chime-sdk-voice/raw");
const ENDPOINT = process.env.ENDPOINT;
(async () => {
${body("")}
console.log(JSON.stringify({ ...result, format: "cjs", resolved: require.resolve("@voicetask/chime-sdk-voice") }));
})();
`;

/** A browser module: calls the API of the page's own origin and leaves the result on `window`. */
export const browserProgram = `${body('import { createChimeSdkVoiceClient, ServiceError } from "@voicetask/chime-sdk-voice";\nimport { rawClient } from "@voicetask/chime-sdk-voice/raw";\nconst ENDPOINT = location.origin;')}
window.__result = result;
`;
