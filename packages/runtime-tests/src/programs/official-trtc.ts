// The same TRTC lifecycle through the unchanged official SDK, tencentcloud-sdk-nodejs (for the runtime table).
// It signs the host's first label as the service name, so it is pointed at `trtc.localhost:<port>`; where the
// runtime cannot resolve that name the host passes an http.Agent that resolves it to the mock (Node, Deno, Bun).
import type { Agent } from "node:http";
import { type RunConfig, TRTC_REGION } from "../in-runtime/config.js";
import { trtcLifecycle } from "../in-runtime/lifecycles.js";

type Client = Record<string, (params: unknown) => Promise<Record<string, unknown>>>;

export async function officialTrtc(config: RunConfig, agent?: Agent): Promise<string[]> {
  // Imported when called, so a runtime that cannot load the SDK fails this lifecycle, not the program.
  const { trtc } = await import("tencentcloud-sdk-nodejs/tencentcloud/services/trtc/index.js");
  const client = new trtc.v20190722.Client({
    credential: config.tencent.official,
    region: TRTC_REGION,
    profile: {
      httpProfile: {
        endpoint: config.officialTrtcHost,
        protocol: "http://",
        reqTimeout: 10,
        ...(agent ? { agent } : {}),
      },
    },
  }) as unknown as Client;
  return trtcLifecycle(async (action, params) => {
    const { RequestId: _, ...rest } = await client[action]!.call(client, params);
    return rest;
  }, config.endpoint);
}
