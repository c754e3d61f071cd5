import type { ApiModel } from "@voicetask/core";
import { type DocsApi, sampleRegion } from "../model/load.js";

/** Where each protocol's client finds its keys when none are passed (core's default chain). */
const KEYS: Partial<Record<ApiModel["protocol"], string>> = {
  tencent: "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY",
  "aws-rest-json": "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
};

/** `const client = createTrtcClient({ region: "…" });` with a line on where the keys come from. */
export function clientSetup(api: DocsApi, name = "client"): string {
  const client = api.model.client;
  if (!client) throw new Error(`${api.model.name} has no client`);
  const keys = KEYS[api.model.protocol];
  const comment = keys ? `// Keys: ${keys} from the environment (or pass \`credentials\`).\n` : "";
  return `${comment}const ${name} = ${client.factory}({ region: ${JSON.stringify(sampleRegion(api.model))} });`;
}
