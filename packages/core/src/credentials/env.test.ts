import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors.js";
import { resolveAwsCredentials, resolveFromChain, resolveTencentCredentials } from "./chain.js";
import { runtimeEnv, tencentEnvSource } from "./env.js";
import type { Env } from "./types.js";

/** What Deno throws when a variable is read without `--allow-env` for it (its `Deno.errors.NotCapable`). */
class NotCapable extends Error {
  override name = "NotCapable";
}

/** `process.env` as Deno shows it to a program allowed to read only `allowed`. */
function denoEnv(values: Env, allowed: string[] = []): Env {
  return new Proxy(values, {
    get(target, name) {
      if (typeof name === "string" && !allowed.includes(name))
        throw new NotCapable(`Requires env access to "${name}", run again with the --allow-env flag`);
      return target[name as string];
    },
  });
}

async function rejectionOf(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  return error as CredentialsError;
}

describe("an environment the runtime does not let us read (Deno without --allow-env)", () => {
  it("is a CredentialsError naming the variable and the flag that allows all of them", async () => {
    const error = await rejectionOf(resolveTencentCredentials({ env: denoEnv({}) }));
    expect(error.message).toBe(
      "environment: TENCENTCLOUD_SECRET_ID may not be read: pass `credentials` or run with " +
        "--allow-env=TENCENTCLOUD_SECRET_ID,TENCENTCLOUD_SECRET_KEY,TENCENTCLOUD_SESSION_TOKEN,TENCENTCLOUD_TOKEN",
    );
    expect(error.cause).toBeInstanceOf(NotCapable);
    const aws = await rejectionOf(resolveAwsCredentials({ env: denoEnv({}) }));
    expect(aws.message).toContain(
      "run with --allow-env=AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY,AWS_SESSION_TOKEN",
    );
  });

  it("names the secret half when only the id may be read, and never shows a value", async () => {
    const env = denoEnv({ TENCENTCLOUD_SECRET_ID: "AKIDallowed", TENCENTCLOUD_SECRET_KEY: "never-shown" }, [
      "TENCENTCLOUD_SECRET_ID",
    ]);
    const error = await rejectionOf(resolveTencentCredentials({ env }));
    expect(error.message).toMatch(/^environment: TENCENTCLOUD_SECRET_KEY may not be read: /);
    for (const text of [error.message, JSON.stringify(error), String(error)]) {
      expect(text).not.toContain("never-shown");
      expect(text).not.toContain("AKIDallowed");
    }
  });

  it("treats a token variable it may not read as unset (--allow-env=<id>,<secret> is enough)", async () => {
    const env = denoEnv({ AWS_ACCESS_KEY_ID: "AKIAENV", AWS_SECRET_ACCESS_KEY: "envsecret" }, [
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
    ]);
    expect(await resolveAwsCredentials({ env })).toEqual({
      accessKeyId: "AKIAENV",
      secretAccessKey: "envsecret",
      source: "environment",
    });
  });

  it("is never read when credentials are passed explicitly", async () => {
    const c = await resolveTencentCredentials({
      credentials: { secretId: "AKIDx", secretKey: "kx" },
      env: denoEnv({}),
    });
    expect(c.source).toBe("explicit");
  });
});

describe("a runtime without an environment (browsers, Workers without nodejs_compat)", () => {
  it("has no environment source (null), and the none-found error says to pass `credentials`", async () => {
    expect(runtimeEnv()).toBe(process.env);
    const error = await rejectionOf(resolveFromChain("Tencent Cloud", [tencentEnvSource(null)]));
    expect(error.message).toBe(
      "No Tencent Cloud credentials found. Looked for: environment TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY " +
        "(none in this runtime: pass `credentials`)",
    );
  });
});
