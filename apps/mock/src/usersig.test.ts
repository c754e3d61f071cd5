import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { genUserSig, userSigHmac, verifyUserSig } from "./usersig.js";

// The key and app id are the published example of the official tls-sig-api-v2 libraries (README, unit tests).
const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const SDK_APP_ID = 1400000000;

const require = createRequire(import.meta.url);
const official = require("tls-sig-api-v2") as {
  Api: new (sdkappid: number, key: string) => { genUserSig(userId: string, expire: number): string };
};

describe("tls-sig-api-v2 UserSig", () => {
  it("computes TLS.sig as HMAC-SHA256 over the documented lines (vector computed with Python hmac)", () => {
    const sig = userSigHmac(KEY, {
      sdkAppId: SDK_APP_ID,
      userId: "xiaojun",
      time: 1700000000,
      expire: 15552000,
    });
    expect(sig).toBe("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
  });

  it("accepts a UserSig issued by the official Node library", () => {
    const userSig = new official.Api(SDK_APP_ID, KEY).genUserSig("bot_1", 3600);
    expect(
      verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, userId: "bot_1", key: KEY, nowMs: Date.now() }),
    ).toEqual({
      ok: true,
    });
  });

  it("rejects a wrong key, user, app, an expired sig and garbage", () => {
    const nowMs = 1_700_000_100_000;
    const userSig = genUserSig(KEY, { sdkAppId: SDK_APP_ID, userId: "bot_1", time: 1700000000, expire: 600 });
    const ok = { sdkAppId: SDK_APP_ID, userId: "bot_1", key: KEY, nowMs };
    expect(verifyUserSig(userSig, ok).ok).toBe(true);
    expect(verifyUserSig(userSig, { ...ok, key: "other" }).ok).toBe(false);
    expect(verifyUserSig(userSig, { ...ok, userId: "bot_2" }).ok).toBe(false);
    expect(verifyUserSig(userSig, { ...ok, sdkAppId: 1400000001 }).ok).toBe(false);
    expect(verifyUserSig(userSig, { ...ok, nowMs: (1700000000 + 601) * 1000 }).ok).toBe(false);
    expect(verifyUserSig("not-a-usersig", ok).ok).toBe(false);
    expect(verifyUserSig("", ok).ok).toBe(false);
  });
});
