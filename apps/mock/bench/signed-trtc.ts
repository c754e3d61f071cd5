import { tc3Sign } from "@voicetask/core";

/** The bench's key pair (the mock's documented demo pair). */
export const KEYS = { secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" };

/** TC3-signed TRTC headers, signed like the official SDK signs (host without its port). */
export async function signedTrtc(
  action: string,
  body: string,
  timestamp: number,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-tc-action": action,
    "x-tc-version": "2019-07-22",
    "x-tc-region": "ap-singapore",
    "x-tc-timestamp": String(timestamp),
  };
  const { authorization } = await tc3Sign({
    method: "POST",
    host: "127.0.0.1",
    headers,
    signedHeaders: ["content-type", "host"],
    payload: body,
    timestamp,
    service: "trtc",
    credentials: KEYS,
  });
  return { ...headers, authorization };
}
