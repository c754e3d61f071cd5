import * as nodeCrypto from "node:crypto";
import type { CryptoBackend, HmacKey, MaybePromise } from "./backend.js";

/** node:crypto backend: synchronous one-shot primitives (`crypto.hash` where Node has it, Node ≥ 20.12). */
const oneShot = (
  nodeCrypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex") => string }
).hash;

export const sha256Hex: CryptoBackend["sha256Hex"] = oneShot
  ? (data) => oneShot("sha256", data, "hex")
  : (data) => nodeCrypto.createHash("sha256").update(data).digest("hex");

/** Returns a KeyObject: node:crypto then skips re-importing the key bytes on every HMAC. */
export const deriveKey: CryptoBackend["deriveKey"] = (secret, steps): MaybePromise<HmacKey> => {
  let key: Uint8Array = Buffer.from(secret, "utf8");
  for (const step of steps) key = nodeCrypto.createHmac("sha256", key).update(step, "utf8").digest();
  return nodeCrypto.createSecretKey(key);
};

export const hmacHex: CryptoBackend["hmacHex"] = (key, data) =>
  nodeCrypto
    .createHmac("sha256", key as nodeCrypto.KeyObject)
    .update(data, "utf8")
    .digest("hex");

export const hmacBase64: CryptoBackend["hmacBase64"] = (hash, secret, data) =>
  nodeCrypto
    .createHmac(hash === "SHA-1" ? "sha1" : "sha256", Buffer.from(secret, "utf8"))
    .update(data, "utf8")
    .digest("base64");
