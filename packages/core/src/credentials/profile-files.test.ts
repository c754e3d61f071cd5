import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors.js";
import { resolveAwsCredentials, resolveTencentCredentials } from "../node.js";

const SECRET = "file-s3cr3t-never-print-me";
let home: string;

function write(relative: string, text: string) {
  const path = join(home, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

async function credentialsError(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  const e = error as CredentialsError;
  for (const text of [e.message, e.stack ?? "", JSON.stringify(e)]) expect(text).not.toContain(SECRET);
  return e;
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "voicetask-home-"));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

describe("Tencent profile files (Node entry)", () => {
  it("reads ~/.tencentcloud/credentials [default] after the environment", async () => {
    write(
      ".tencentcloud/credentials",
      "# comment\n[default]\nsecret_id = AKIDfile\nsecret_key = filekey\ntoken = ftok\n",
    );
    const c = await resolveTencentCredentials({ home, env: {} });
    expect(c).toEqual({
      secretId: "AKIDfile",
      secretKey: "filekey",
      token: "ftok",
      source: `file ${join(home, ".tencentcloud", "credentials")} [default]`,
    });
    const fromEnv = await resolveTencentCredentials({
      home,
      env: { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "envkey" },
    });
    expect(fromEnv.source).toBe("environment");
  });

  it("selects a named profile", async () => {
    write(
      ".tencentcloud/credentials",
      "[default]\nsecret_id=A\nsecret_key=B\n[prod]\nsecret_id=AKIDprod\nsecret_key=prodkey\n",
    );
    expect((await resolveTencentCredentials({ home, env: {}, profile: "prod" })).secretId).toBe("AKIDprod");
  });

  it("reads tccli's ~/.tccli/<TCCLI_PROFILE>.credential", async () => {
    write(".tccli/default.credential", JSON.stringify({ secretId: "AKIDdef", secretKey: "k" }));
    write(".tccli/ops.credential", JSON.stringify({ secretId: "AKIDops", secretKey: "opskey", token: "t" }));
    expect((await resolveTencentCredentials({ home, env: {} })).secretId).toBe("AKIDdef");
    const ops = await resolveTencentCredentials({ home, env: { TCCLI_PROFILE: "ops" } });
    expect(ops).toMatchObject({ secretId: "AKIDops", secretKey: "opskey", token: "t" });
  });

  it("reports every place looked at, and never the secret of a broken file", async () => {
    const none = await credentialsError(resolveTencentCredentials({ home, env: {} }));
    expect(none.message).toContain(join(home, ".tencentcloud", "credentials"));
    expect(none.message).toContain(join(home, ".tccli", "default.credential"));

    write(".tccli/default.credential", `{"secretId": "AKID", "secretKey": "${SECRET}",,}`);
    const broken = await credentialsError(resolveTencentCredentials({ home, env: {} }));
    expect(broken.message).toContain("is not valid JSON");

    write(".tencentcloud/credentials", `[default]\nsecret_key = ${SECRET}\n`);
    const half = await credentialsError(resolveTencentCredentials({ home, env: {} }));
    expect(half.message).toContain("secret_key is set but secret_id is missing");
  });
});

describe("AWS shared credentials file (Node entry)", () => {
  const file =
    "[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n\n[dev]\naws_access_key_id=AKIADEV\naws_secret_access_key=devsecret\naws_session_token=devtoken\n";

  it("reads [default], or the AWS_PROFILE profile", async () => {
    write(".aws/credentials", file);
    expect(await resolveAwsCredentials({ home, env: {} })).toMatchObject({
      accessKeyId: "AKIADEF",
      secretAccessKey: "defsecret",
    });
    expect(await resolveAwsCredentials({ home, env: { AWS_PROFILE: "dev" } })).toMatchObject({
      accessKeyId: "AKIADEV",
      sessionToken: "devtoken",
    });
  });

  it("honours AWS_SHARED_CREDENTIALS_FILE", async () => {
    write("elsewhere/creds", file);
    const c = await resolveAwsCredentials({
      home,
      env: { AWS_SHARED_CREDENTIALS_FILE: join(home, "elsewhere/creds") },
    });
    expect(c.accessKeyId).toBe("AKIADEF");
  });

  it("names the profile it looked for when it is missing", async () => {
    write(".aws/credentials", file);
    const e = await credentialsError(resolveAwsCredentials({ home, env: { AWS_PROFILE: "nope" } }));
    expect(e.message).toContain(`${join(home, ".aws", "credentials")} [nope]`);
  });
});
