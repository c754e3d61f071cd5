/** The smallest useful program: stop one AI conversation task. Used by the size budget test and the bench. */
export const stopProgram = `
import { createTrtcClient } from "@voicetask/trtc";
const client = createTrtcClient({ region: "ap-singapore", credentials: { secretId: "id", secretKey: "key" } });
const out = await client.stopAIConversation({ TaskId: "task-1" });
console.log(out.RequestId);
`;

/** The same program written with the official SDK (tencentcloud-sdk-nodejs; Node only). */
export const officialStopProgram = `
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc/index.js";
const { Client } = trtc.v20190722;
const client = new Client({ credential: { secretId: "id", secretKey: "key" }, region: "ap-singapore",
  profile: { httpProfile: { endpoint: "trtc.intl.tencentcloudapi.com" } } });
const out = await client.StopAIConversation({ TaskId: "task-1" });
console.log(out.RequestId);
`;

/**
 * A Cloudflare Worker that receives TRTC callbacks: verifies the Sign, reads the body against the spec and
 * deduplicates in memory. Used by the callbacks size budget test.
 */
export const callbackWorkerProgram = `
import { createCallbackHandler } from "@voicetask/trtc/callbacks";
let handler;
export default {
  fetch(request, env) {
    handler ??= createCallbackHandler({
      key: env.TRTC_CALLBACK_KEY,
      onEvent: (event) => console.log(event.type, event.event.EventInfo.TaskId),
    });
    return handler(request);
  },
};
`;
