import { DEMO_CREDENTIALS } from "./credentials.js";
import type { MockServer } from "./server.js";

const isDemoTencent = (id: string, key: string) =>
  DEMO_CREDENTIALS.tencent.some((d) => d.secretId === id && d.secretKey === key);
const isDemoAws = (id: string, key: string) =>
  DEMO_CREDENTIALS.aws.some((d) => d.accessKeyId === id && d.secretAccessKey === key);

/**
 * What the CLI prints at start: where the mock listens and which keys to use. The built-in demo pairs are
 * printed whole (they are public); keys from a `--credentials` file only by id, their secrets never.
 */
export function banner(mock: MockServer, credentialsFile?: string): string {
  const port = mock.port;
  const from = credentialsFile ? `  (keys from ${credentialsFile})` : "";
  const lines = [
    `voicetask-mock listening on ${mock.url}`,
    "",
    "TRTC (Tencent Cloud API 3.0 at /: TC3 POST or GET, signature v1 HmacSHA1/HmacSHA256)",
    `  official SDK: endpoint "trtc.intl.tencentcloudapi.com:${port}", protocol "http://", resolve the host to ${mock.host}`,
  ];
  for (const c of mock.credentials.tencent ?? []) {
    const apps = Object.keys(c.sdkAppIds ?? {});
    const key = isDemoTencent(c.secretId, c.secretKey) ? `  SecretKey ${c.secretKey}` : from;
    lines.push(
      `  SecretId ${c.secretId}${key}${c.token ? "  (session token required)" : ""}${apps.length ? `  (UserSig checked for ${apps.join(", ")})` : ""}`,
    );
  }
  lines.push("", "Chime SDK Voice (restJson1, SigV4 signing name chime)", `  endpoint ${mock.url}`);
  for (const c of mock.credentials.aws ?? []) {
    const key = isDemoAws(c.accessKeyId, c.secretAccessKey) ? `  SecretAccessKey ${c.secretAccessKey}` : from;
    lines.push(`  AccessKeyId ${c.accessKeyId}${key}${c.token ? "  (session token required)" : ""}`);
  }
  lines.push("", `Control API: ${mock.url}/_mock/ (reset, tasks, journal, faults, clock)`, "");
  return lines.join("\n");
}
