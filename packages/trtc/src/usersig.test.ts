import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { genUserSig, verifyUserSig } from "./usersig.js";

const require = createRequire(import.meta.url);
// The official generator, as a test oracle.
const TLSSigAPIv2 = require("tls-sig-api-v2") as {
  Api: new (sdkAppId: number, key: string) => { genSig(userId: string, expire: number): string };
};

const app = {
  sdkAppId: 1400000001,
  secretKey: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
};

describe("UserSig (tls-sig-api-v2)", () => {
  it("signs the documented lines with HMAC-SHA256 (a vector computed independently with Python's hmac)", () => {
    // Key and app id are the published example of the official libraries.
    const sig = genUserSig({
      ...app,
      sdkAppId: 1400000000,
      userId: "xiaojun",
      expireSeconds: 15552000,
      issuedAt: 1700000000,
    });
    const document = JSON.parse(
      inflateSync(
        Buffer.from(sig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "="), "base64"),
      ).toString(),
    );
    expect(document["TLS.sig"]).toBe("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
  });

  it("verifies what the official generator produces", () => {
    const official = new TLSSigAPIv2.Api(app.sdkAppId, app.secretKey).genSig("bot_1", 86400);
    expect(verifyUserSig(official, { ...app, userId: "bot_1" })).toMatchObject({ ok: true });
  });

  it("produces exactly the official bytes for the same issue time", () => {
    const issuedAt = Math.floor(Date.now() / 1000);
    const ours = genUserSig({ ...app, userId: "bot_1", expireSeconds: 86400, issuedAt });
    const official = new TLSSigAPIv2.Api(app.sdkAppId, app.secretKey).genSig("bot_1", 86400);
    // The official tool reads the clock itself; both are issued within the same second in practice.
    const decoded = (sig: string) => verifyUserSig(sig, { ...app, userId: "bot_1", now: issuedAt });
    expect(decoded(ours)).toEqual(decoded(official));
  });

  it("rejects another user, another app, a wrong key, an expired sig and garbage", () => {
    const sig = genUserSig({ ...app, userId: "bot_1", expireSeconds: 60, issuedAt: 1_700_000_000 });
    const now = 1_700_000_030;
    expect(verifyUserSig(sig, { ...app, userId: "bot_1", now })).toEqual({
      ok: true,
      expiresAt: 1_700_000_060,
    });
    expect(verifyUserSig(sig, { ...app, userId: "bot_2", now })).toEqual({ ok: false, reason: "wrong-user" });
    expect(verifyUserSig(sig, { ...app, sdkAppId: 1400000002, userId: "bot_1", now })).toEqual({
      ok: false,
      reason: "wrong-app",
    });
    expect(verifyUserSig(sig, { ...app, secretKey: "other", userId: "bot_1", now })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyUserSig(sig, { ...app, userId: "bot_1", now: 1_700_000_061 })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyUserSig("not-a-usersig", { ...app, userId: "bot_1", now })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("never embeds the secret key", () => {
    const sig = genUserSig({ ...app, userId: "bot_1" });
    expect(sig).not.toContain(app.secretKey);
  });

  it("refuses bad options with a TypeError naming the option, never showing the key", () => {
    const ok = { ...app, userId: "bot_1" };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...ok, sdkAppId: "1400000001" }, /sdkAppId must be a positive integer .*not "1400000001"/],
      [{ ...ok, sdkAppId: 0 }, /sdkAppId must be a positive integer/],
      [{ ...ok, sdkAppId: 1.5 }, /sdkAppId/],
      [{ ...ok, secretKey: "" }, /secretKey must be the application's SDKSecretKey/],
      [{ ...ok, secretKey: undefined }, /secretKey/],
      [{ ...ok, userId: "" }, /userId must be a non-empty string/],
      [
        { ...ok, userId: "bot\nTLS.expire:99999999" },
        /userId must be a non-empty string without line breaks/,
      ],
      [{ ...ok, userId: 42 }, /userId .*not 42/],
      [{ ...ok, expireSeconds: -1 }, /expireSeconds must be a positive integer/],
      [{ ...ok, expireSeconds: "600" }, /expireSeconds/],
      [{ ...ok, issuedAt: 1.5 }, /issuedAt must be whole seconds/],
    ];
    for (const [options, message] of cases) {
      let thrown: unknown;
      try {
        genUserSig(options as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(options)).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain(app.secretKey);
    }
    expect(() => genUserSig(null as never)).toThrow(TypeError);
    expect(genUserSig(ok)).toMatch(/^[A-Za-z0-9*_-]+$/);
  });
});
