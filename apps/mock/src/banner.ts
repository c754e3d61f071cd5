import { type AwsCredential, DEMO_CREDENTIALS, type TencentCredential } from "./credentials.js";
import type { MockServer } from "./server.js";

const isDemoTencent = (c: TencentCredential) =>
  DEMO_CREDENTIALS.tencent.some((d) => d.secretId === c.secretId && d.secretKey === c.secretKey);
const isDemoAws = (c: AwsCredential) =>
  DEMO_CREDENTIALS.aws.some(
    (d) => d.accessKeyId === c.accessKeyId && d.secretAccessKey === c.secretAccessKey,
  );

/** Regions the export lines name; the mock answers any region of the specs. */
const TRTC_REGION = "ap-singapore";
const CHIME_REGION = "us-east-1";

/** A value as a shell word: bare when it is plain, else single-quoted. */
function shellWord(value: string): string {
  return /^[\w.:/@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function exportLine(vars: [string, string][]): string {
  return `  export ${vars.map(([name, value]) => `${name}=${shellWord(value)}`).join(" ")}`;
}

/**
 * One `export` line per provider, to paste into a shell: the keys the clients and the official SDKs read from the
 * environment, and the region and endpoint variables the `voicetask` CLI reads. A demo pair is printed whole (it is
 * public); a key from a `--credentials` file only by id, with a pointer to the file for its secret.
 */
function exportLines(mock: MockServer, credentialsFile: string | undefined): string[] {
  const lines: string[] = [];
  const tencent = mock.credentials.tencent ?? [];
  const t = tencent.find(isDemoTencent) ?? tencent[0];
  if (t) {
    const secret: [string, string][] = isDemoTencent(t) ? [["TENCENTCLOUD_SECRET_KEY", t.secretKey]] : [];
    lines.push(
      exportLine([
        ["TENCENTCLOUD_SECRET_ID", t.secretId],
        ...secret,
        ["TENCENTCLOUD_REGION", TRTC_REGION],
        ["VOICETASK_TRTC_ENDPOINT", mock.url],
      ]),
    );
    if (!secret.length)
      lines.push(`  # and TENCENTCLOUD_SECRET_KEY: the secretKey of ${t.secretId} in ${credentialsFile}`);
  }
  const aws = mock.credentials.aws ?? [];
  const a = aws.find(isDemoAws) ?? aws[0];
  if (a) {
    const secret: [string, string][] = isDemoAws(a) ? [["AWS_SECRET_ACCESS_KEY", a.secretAccessKey]] : [];
    lines.push(
      exportLine([
        ["AWS_ACCESS_KEY_ID", a.accessKeyId],
        ...secret,
        ["AWS_REGION", CHIME_REGION],
        ["AWS_ENDPOINT_URL_CHIME_SDK_VOICE", mock.url],
      ]),
    );
    if (!secret.length)
      lines.push(
        `  # and AWS_SECRET_ACCESS_KEY: the secretAccessKey of ${a.accessKeyId} in ${credentialsFile}`,
      );
  }
  return lines;
}

/**
 * What the CLI prints at start: where the mock listens, the shell lines that point the `voicetask` CLI at it, and
 * the keys it accepts. The built-in demo pairs are printed whole (they are public); keys from a `--credentials`
 * file only by id, their secrets never.
 */
export function banner(mock: MockServer, credentialsFile?: string): string {
  const from = credentialsFile ? `  (keys from ${credentialsFile})` : "";
  const lines = [
    `voicetask-mock listening on ${mock.url}`,
    "",
    "Point the voicetask CLI at it (the keys are also what the clients and the official SDKs read):",
    ...exportLines(mock, credentialsFile),
    "",
    "TRTC (Tencent Cloud API 3.0, POST / with X-TC-Action)",
  ];
  for (const c of mock.credentials.tencent ?? []) {
    const apps = Object.keys(c.sdkAppIds ?? {});
    const key = isDemoTencent(c) ? `  SecretKey ${c.secretKey}` : from;
    lines.push(
      `  SecretId ${c.secretId}${key}${apps.length ? `  (UserSig checked for ${apps.join(", ")})` : ""}`,
    );
  }
  lines.push(
    `  official SDK: endpoint "trtc.intl.tencentcloudapi.com:${mock.port}", protocol "http://", resolve the host to ${mock.host}`,
    "",
    "Chime SDK Voice (restJson1, SigV4 signing name chime)",
  );
  for (const c of mock.credentials.aws ?? []) {
    const key = isDemoAws(c) ? `  SecretAccessKey ${c.secretAccessKey}` : from;
    lines.push(`  AccessKeyId ${c.accessKeyId}${key}`);
  }
  lines.push(
    `  official SDK: endpoint "${mock.url}"`,
    "",
    `Control API: ${mock.url}/_mock/ (reset, tasks, journal, faults, clock; GET it for the list of routes)`,
    "",
  );
  return lines.join("\n");
}
