import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as node from "./node.js";
import * as web from "./web.js";

const numRuns = Math.min(Number(process.env.FAST_CHECK_RUNS ?? 1000), 300);
const data = fc.oneof(fc.string({ unit: "grapheme", maxLength: 100 }), fc.uint8Array({ maxLength: 200 }));

describe("crypto backends (node:crypto and Web Crypto) agree with each other and with node:crypto directly", () => {
  it("sha256Hex", async () => {
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const expected = createHash("sha256").update(d).digest("hex");
        expect(await node.sha256Hex(d)).toBe(expected);
        expect(await web.sha256Hex(d)).toBe(expected);
      }),
      { numRuns },
    );
  });

  it("deriveKey + hmacHex (an HMAC chain)", async () => {
    const steps = fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        steps,
        fc.string(),
        async (secret, path, msg) => {
          let key: Buffer = Buffer.from(secret, "utf8");
          for (const step of path) key = createHmac("sha256", key).update(step, "utf8").digest();
          const expected = createHmac("sha256", key).update(msg, "utf8").digest("hex");
          expect(await node.hmacHex(await node.deriveKey(secret, path), msg)).toBe(expected);
          expect(await web.hmacHex(await web.deriveKey(secret, path), msg)).toBe(expected);
        },
      ),
      { numRuns },
    );
  });

  it("hmacBase64 (signature v1: HMAC-SHA1 and HMAC-SHA256, Base64)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("SHA-1", "SHA-256") as fc.Arbitrary<"SHA-1" | "SHA-256">,
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc.string({ unit: "grapheme", maxLength: 100 }),
        async (hash, secret, msg) => {
          const algorithm = hash === "SHA-1" ? "sha1" : "sha256";
          const expected = createHmac(algorithm, Buffer.from(secret, "utf8"))
            .update(msg, "utf8")
            .digest("base64");
          expect(await node.hmacBase64(hash, secret, msg)).toBe(expected);
          expect(await web.hmacBase64(hash, secret, msg)).toBe(expected);
        },
      ),
      { numRuns },
    );
  });
});
