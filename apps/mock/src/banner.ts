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

/** A key pair as the export lines need it, whichever provider it is for. */
interface ExportKey {
  id: string;
  secret: string;
  demo: boolean;
}

/** The variable names of one provider: key id, secret, region, endpoint; and what the secret is called in a file. */
type ExportNames = [id: string, secret: string, region: string, endpoint: string, fileField: string];

/**
 * The `export` line of one provider (and, for a key from a file, where its secret is). A demo pair is printed whole
 * (it is public); a key from a `--credentials` file only by id.
 */
function exportLinesFor(
  key: ExportKey | undefined,
  names: ExportNames,
  region: string,
  url: string,
  file?: string,
) {
  if (!key) return [];
  const [idVar, secretVar, regionVar, endpointVar, fileField] = names;
  const vars: [string, string][] = [[idVar, key.id]];
  if (key.demo) vars.push([secretVar, key.secret]);
  vars.push([regionVar, region], [endpointVar, url]);
  const line = `  export ${vars.map(([name, value]) => `${name}=${shellWord(value)}`).join(" ")}`;
  return key.demo ? [line] : [line, `  # and ${secretVar}: the ${fileField} of ${key.id} in ${file}`];
}

/**
 * One `export` line per provider, to paste into a shell: the keys the clients and the official SDKs read from the
 * environment, and the region and endpoint variables the `voicetask` CLI reads. A demo pair is preferred when the
 * mock accepts one.
 */
function exportLines(mock: MockServer, credentialsFile: string | undefined): string[] {
  const tencent = (mock.credentials.tencent ?? []).map((c) => ({
    id: c.secretId,
    secret: c.secretKey,
    demo: isDemoTencent(c),
  }));
  const aws = (mock.credentials.aws ?? []).map((c) => ({
    id: c.accessKeyId,
    secret: c.secretAccessKey,
    demo: isDemoAws(c),
  }));
  const pick = (keys: ExportKey[]) => keys.find((k) => k.demo) ?? keys[0];
  return [
    ...exportLinesFor(
      pick(tencent),
      [
        "TENCENTCLOUD_SECRET_ID",
        "TENCENTCLOUD_SECRET_KEY",
        "TENCENTCLOUD_REGION",
        "VOICETASK_TRTC_ENDPOINT",
        "secretKey",
      ],
      TRTC_REGION,
      mock.url,
      credentialsFile,
    ),
    ...exportLinesFor(
      pick(aws),
      [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_REGION",
        "AWS_ENDPOINT_URL_CHIME_SDK_VOICE",
        "secretAccessKey",
      ],
      CHIME_REGION,
      mock.url,
      credentialsFile,
    ),
  ];
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
    "TRTC (Tencent Cloud API 3.0 at /: TC3 POST or GET, signature v1 HmacSHA1/HmacSHA256)",
  ];
  for (const c of mock.credentials.tencent ?? []) {
    const apps = Object.keys(c.sdkAppIds ?? {});
    const key = isDemoTencent(c) ? `  SecretKey ${c.secretKey}` : from;
    lines.push(
      `  SecretId ${c.secretId}${key}${c.token ? "  (session token required)" : ""}${apps.length ? `  (UserSig checked for ${apps.join(", ")})` : ""}`,
    );
  }
  lines.push(
    `  official SDK: endpoint "trtc.intl.tencentcloudapi.com:${mock.port}", protocol "http://", resolve the host to ${mock.host}`,
    "",
    "Chime SDK Voice (restJson1, SigV4 signing name chime)",
  );
  for (const c of mock.credentials.aws ?? []) {
    const key = isDemoAws(c) ? `  SecretAccessKey ${c.secretAccessKey}` : from;
    lines.push(`  AccessKeyId ${c.accessKeyId}${key}${c.token ? "  (session token required)" : ""}`);
  }
  lines.push(
    `  official SDK: endpoint "${mock.url}"`,
    "",
    `Control API: ${mock.url}/_mock/ (reset, tasks, journal, faults, clock; GET it for the list of routes)`,
    "",
  );
  if (mock.docsUrl)
    lines.push(`Docs: ${mock.docsUrl} (each operation's "Try it" form sends to this mock)`, "");
  return lines.join("\n");
}
