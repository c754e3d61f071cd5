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

describe("banner", () => {
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
