import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signCallback, verifyCallback } from "./signature.js";
import { tencentExample } from "./tencent-example.fixture.js";

const { key, body, sign } = tencentExample;
const bytes = new TextEncoder().encode(body);
const numRuns = Math.min(Number(process.env.FAST_CHECK_RUNS ?? 200), 300);

describe("verifyCallback against Tencent's worked example", () => {
  it("verifies the example, as text and as bytes; signCallback gives Tencent's Sign", async () => {
    expect(await verifyCallback(body, sign, key)).toBe(true);
    expect(await verifyCallback(bytes, sign, key)).toBe(true);
    expect(await signCallback(body, key)).toBe(sign);
  });

  it("fails when any one byte of the body changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const changed = new Uint8Array(bytes);
        changed[at] = (changed[at] as number) ^ flip;
        expect(await verifyCallback(changed, sign, key)).toBe(false);
      }),
      { numRuns },
    );
  });

  it("fails with a key one character off, longer or shorter", async () => {
    for (const other of ["123655", "023654", "1236540", "12365", "123654 ", ""])
      expect(await verifyCallback(body, sign, other), other).toBe(false);
  });

  it("fails for a missing, malformed or differently spelled Sign", async () => {
    const variants = [
      null,
      "",
      sign.slice(0, -1), // no padding
      ` ${sign}`,
      sign.toLowerCase(),
      // Same 32 bytes to a lenient decoder (the last character's padding bits are set): not Tencent's spelling.
      `${sign.slice(0, -2)}B=`,
      Buffer.from(sign, "base64").toString("hex"),
    ];
    for (const candidate of variants)
      expect(await verifyCallback(body, candidate, key), String(candidate)).toBe(false);
  });
});

describe("signCallback and verifyCallback, on any body and key", () => {
  const bodies = fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.uint8Array({ maxLength: 300 }));
  const keys = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9]{1,32}$/),
    fc.string({ unit: "grapheme", maxLength: 80 }),
  );

  it("sign as node:crypto does (base64 HMAC-SHA256 of the body's bytes), and what they sign verifies", async () => {
    await fc.assert(
      fc.asyncProperty(bodies, keys, async (anyBody, anyKey) => {
        const expected = createHmac("sha256", Buffer.from(anyKey, "utf8")).update(anyBody).digest("base64");
        const signed = await signCallback(anyBody, anyKey);
        expect(signed).toBe(expected);
        expect(await verifyCallback(anyBody, signed, anyKey)).toBe(true);
        const asBytes = typeof anyBody === "string" ? new TextEncoder().encode(anyBody) : anyBody;
        expect(await verifyCallback(asBytes, signed, anyKey)).toBe(true);
      }),
      { numRuns },
    );
  });

  it("never verifies a body under another key", async () => {
    await fc.assert(
      fc.asyncProperty(bodies, keys, keys, async (anyBody, a, b) => {
        fc.pre(a !== b);
        expect(await verifyCallback(anyBody, await signCallback(anyBody, a), b)).toBe(false);
      }),
      { numRuns },
    );
  });
});
