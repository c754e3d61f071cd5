import { expect, it } from "vitest";
import { mockRedactor, secretValuesOf } from "./secrets.js";

it("knows every secret value of its credentials (keys, UserSig keys, tokens), not the key ids", () => {
  const config = {
    tencent: [
      { secretId: "AKIDone", secretKey: "tencent-secret-1", sdkAppIds: { "1400000001": "usersig-key-1" } },
    ],
    aws: [{ accessKeyId: "AKIAone", secretAccessKey: "aws-secret-1", sessionToken: "aws-token-1" }],
  };
  expect(secretValuesOf(config as never).sort()).toEqual(
    ["aws-secret-1", "aws-token-1", "tencent-secret-1", "usersig-key-1"].sort(),
  );
  const r = mockRedactor(config as never, "control-token-1");
  expect(r.text("AKIDone tencent-secret-1 control-token-1 usersig-key-1")).toBe(
    "AKIDone [redacted] [redacted] [redacted]",
  );
});
