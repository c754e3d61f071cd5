import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { banner } from "./banner.js";
import { DEMO_CREDENTIALS } from "./credentials.js";
import { startMockServer } from "./server.js";

const FILE_KEYS = {
  tencent: [
    {
      secretId: "AKIDfromfile0001",
      secretKey: "tencent-file-SECRET",
      sdkAppIds: { "1400000001": "usersig-KEY" },
    },
    DEMO_CREDENTIALS.tencent[0],
  ],
  aws: [
    { accessKeyId: "AKIAFROMFILE0001", secretAccessKey: "aws-file-SECRET" },
    { accessKeyId: "ASIAFROMFILE0002", secretAccessKey: "aws-temporary-SECRET", token: "session-TOKEN" },
  ],
};

/** The environment a shell has after running the banner's `export` lines (bash reads them as written). */
function exportedBy(text: string): Record<string, string> {
  const exports = text.split("\n").filter((l) => l.startsWith("  export "));
  const names = exports.flatMap((l) => [...l.matchAll(/ ([A-Z_]+)=/g)].map((m) => m[1]));
  const script = `${exports.join("\n")}\n${names.map((n) => `printf '%s=%s\\0' ${n} "$${n}"`).join("\n")}`;
  const out = execFileSync("bash", ["--norc", "--noprofile", "-c", script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return Object.fromEntries(
    out
      .split("\0")
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
  );
}

describe("banner", () => {
  it("prints export lines that point the CLI and the SDKs at the mock with the demo keys", async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      const text = banner(mock);
      expect(text).toContain(
        `  export TENCENTCLOUD_SECRET_ID=AKIDvoicetaskDEMO TENCENTCLOUD_SECRET_KEY=voicetask-demo-secret TENCENTCLOUD_REGION=ap-singapore VOICETASK_TRTC_ENDPOINT=${mock.url}\n`,
      );
      expect(exportedBy(text)).toEqual({
        TENCENTCLOUD_SECRET_ID: "AKIDvoicetaskDEMO",
        TENCENTCLOUD_SECRET_KEY: "voicetask-demo-secret",
        TENCENTCLOUD_REGION: "ap-singapore",
        VOICETASK_TRTC_ENDPOINT: mock.url,
        AWS_ACCESS_KEY_ID: "AKIAVOICETASKDEMO",
        AWS_SECRET_ACCESS_KEY: "voicetask-demo-secret",
        AWS_REGION: "us-east-1",
        AWS_ENDPOINT_URL_CHIME_SDK_VOICE: mock.url,
      });
    } finally {
      await mock.close();
    }
  });

  it("exports only the key id of a key from a file (quoted for the shell) and says where its secret is", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "voicetask-mock-")), "keys.json");
    const odd = { secretId: "AKID it's $HOME", secretKey: "tencent-file-SECRET" };
    writeFileSync(file, JSON.stringify({ tencent: [odd], aws: FILE_KEYS.aws }));
    const mock = await startMockServer({ port: 0, credentials: file });
    try {
      const text = banner(mock, file);
      expect(exportedBy(text)).toEqual({
        TENCENTCLOUD_SECRET_ID: odd.secretId,
        TENCENTCLOUD_REGION: "ap-singapore",
        VOICETASK_TRTC_ENDPOINT: mock.url,
        AWS_ACCESS_KEY_ID: "AKIAFROMFILE0001",
        AWS_REGION: "us-east-1",
        AWS_ENDPOINT_URL_CHIME_SDK_VOICE: mock.url,
      });
      expect(text).toContain(`  # and TENCENTCLOUD_SECRET_KEY: the secretKey of ${odd.secretId} in ${file}`);
      for (const secret of ["tencent-file-SECRET", "aws-file-SECRET"]) expect(text).not.toContain(secret);
    } finally {
      await mock.close();
    }
  });

  it("prints the built-in demo pairs whole", async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      const text = banner(mock);
      expect(text).toContain("SecretId AKIDvoicetaskDEMO  SecretKey voicetask-demo-secret");
      expect(text).toContain("AccessKeyId AKIAVOICETASKDEMO  SecretAccessKey voicetask-demo-secret");
      expect(text).not.toContain("keys from");
    } finally {
      await mock.close();
    }
  });

  it("prints only the ids of keys from a --credentials file, and names the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "voicetask-mock-")), "keys.json");
    writeFileSync(file, JSON.stringify(FILE_KEYS));
    const mock = await startMockServer({ port: 0, credentials: file });
    try {
      const text = banner(mock, file);
      expect(text).toContain(
        `SecretId AKIDfromfile0001  (keys from ${file})  (UserSig checked for 1400000001)`,
      );
      expect(text).toContain(`AccessKeyId AKIAFROMFILE0001  (keys from ${file})`);
      expect(text).toContain(`AccessKeyId ASIAFROMFILE0002  (keys from ${file})  (session token required)`);
      // a demo pair listed in the file is public anyway
      expect(text).toContain("SecretId AKIDvoicetaskDEMO  SecretKey voicetask-demo-secret");
      for (const secret of [
        "tencent-file-SECRET",
        "aws-file-SECRET",
        "aws-temporary-SECRET",
        "session-TOKEN",
        "usersig-KEY",
      ])
        expect(text).not.toContain(secret);
    } finally {
      await mock.close();
    }
  });

  it("a broken credentials file is reported by position, without quoting its keys", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "voicetask-mock-")), "keys.json");
    writeFileSync(file, '{"tencent":[{"secretId":"AKIDx","secretKey": tencent-file-SECRET}]}');
    const error = await startMockServer({ port: 0, credentials: file }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toBe(`${file}: not valid JSON`);
    expect(error?.message).not.toContain("SECRET");
  });
});
