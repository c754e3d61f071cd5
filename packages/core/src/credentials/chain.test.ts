import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors.js";
import { resolveAwsCredentials, resolveTencentCredentials } from "./chain.js";

const SECRET = "s3cr3t-KEY-never-print-me";

async function credentialsError(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  const e = error as CredentialsError;
  for (const text of [e.message, e.stack ?? "", JSON.stringify(e), String(e)])
    expect(text).not.toContain(SECRET);
  return e;
}

describe("resolveTencentCredentials (browser-safe chain)", () => {
  it("prefers explicit credentials over the environment", async () => {
    const env = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "envkey" };
    const c = await resolveTencentCredentials({ credentials: { secretId: "AKIDx", secretKey: "kx" }, env });
    expect(c).toEqual({ secretId: "AKIDx", secretKey: "kx", source: "explicit" });
  });

  it("reads the SDK's TENCENTCLOUD_SESSION_TOKEN and tccli's TENCENTCLOUD_TOKEN, trimming whitespace", async () => {
    const base = { TENCENTCLOUD_SECRET_ID: " AKIDenv ", TENCENTCLOUD_SECRET_KEY: "envkey\n" };
    expect(await resolveTencentCredentials({ env: { ...base, TENCENTCLOUD_TOKEN: "cli-token" } })).toEqual({
      secretId: "AKIDenv",
      secretKey: "envkey",
      token: "cli-token",
      source: "environment",
    });
    const both = await resolveTencentCredentials({
      env: { ...base, TENCENTCLOUD_TOKEN: "cli-token", TENCENTCLOUD_SESSION_TOKEN: "sdk-token" },
    });
    expect(both.token).toBe("sdk-token");
  });

  it("names what it looked for when nothing is found, and the missing half of a pair", async () => {
    const none = await credentialsError(resolveTencentCredentials({ env: {} }));
    expect(none.message).toContain("No Tencent Cloud credentials found");
    expect(none.message).toContain("TENCENTCLOUD_SECRET_ID");
    expect(none.message).toContain("`credentials` option");
    const half = await credentialsError(
      resolveTencentCredentials({ env: { TENCENTCLOUD_SECRET_KEY: SECRET } }),
    );
    expect(half.message).toBe(
      "environment: TENCENTCLOUD_SECRET_KEY is set but TENCENTCLOUD_SECRET_ID is missing",
    );
    await credentialsError(resolveTencentCredentials({ credentials: { secretKey: SECRET }, env: {} }));
  });

  it("falls through to extra sources in order", async () => {
    const c = await resolveTencentCredentials({
      env: {},
      sources: [
        { describe: "empty", load: () => undefined },
        { describe: "vault", load: async () => ({ secretId: "AKIDv", secretKey: "kv", source: "vault" }) },
      ],
    });
    expect(c.source).toBe("vault");
  });
});

describe("resolveAwsCredentials (browser-safe chain)", () => {
  it("reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN", async () => {
    const c = await resolveAwsCredentials({
      env: { AWS_ACCESS_KEY_ID: "AKIAENV", AWS_SECRET_ACCESS_KEY: "envsecret", AWS_SESSION_TOKEN: "tok" },
    });
    expect(c).toEqual({
      accessKeyId: "AKIAENV",
      secretAccessKey: "envsecret",
      sessionToken: "tok",
      source: "environment",
    });
  });

  it("never shows the secret in its errors", async () => {
    const e = await credentialsError(resolveAwsCredentials({ env: { AWS_SECRET_ACCESS_KEY: SECRET } }));
    expect(e.message).toContain("AWS_ACCESS_KEY_ID is missing");
    const none = await credentialsError(resolveAwsCredentials({ env: {} }));
    expect(none.message).toContain("AWS_ACCESS_KEY_ID");
  });

  it("reads process.env when no env is given", async () => {
    const saved = { ...process.env };
    try {
      process.env.AWS_ACCESS_KEY_ID = "AKIAPROC";
      process.env.AWS_SECRET_ACCESS_KEY = "procsecret";
      expect((await resolveAwsCredentials()).accessKeyId).toBe("AKIAPROC");
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.AWS_ACCESS_KEY_ID;
      process.env.AWS_SECRET_ACCESS_KEY = saved.AWS_SECRET_ACCESS_KEY;
      if (saved.AWS_ACCESS_KEY_ID === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      if (saved.AWS_SECRET_ACCESS_KEY === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });
});
