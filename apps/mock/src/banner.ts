import type { MockServer } from "./server.js";

/** What the CLI prints at start: where the mock listens and which keys to use (they are test keys). */
export function banner(mock: MockServer): string {
  const port = mock.port;
  const lines = [
    `voicetask-mock listening on ${mock.url}`,
    "",
    "TRTC (Tencent Cloud API 3.0, POST / with X-TC-Action)",
    `  official SDK: endpoint "trtc.intl.tencentcloudapi.com:${port}", protocol "http://", resolve the host to ${mock.host}`,
  ];
  for (const c of mock.credentials.tencent ?? []) {
    const apps = Object.keys(c.sdkAppIds ?? {});
    lines.push(
      `  SecretId ${c.secretId}  SecretKey ${c.secretKey}${apps.length ? `  (UserSig checked for ${apps.join(", ")})` : ""}`,
    );
  }
  lines.push("", "Chime SDK Voice (restJson1, SigV4 signing name chime)", `  endpoint ${mock.url}`);
  for (const c of mock.credentials.aws ?? []) {
    lines.push(`  AccessKeyId ${c.accessKeyId}  SecretAccessKey ${c.secretAccessKey}`);
  }
  lines.push("", `Control API: ${mock.url}/_mock/ (reset, tasks, journal, faults, clock)`, "");
  return lines.join("\n");
}
