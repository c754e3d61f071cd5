/**
 * The few primitives the signers need. Two implementations exist and the package's `#crypto` import picks one
 * through conditional resolution (package.json `imports`): `node.ts` (node:crypto, synchronous and fast) for the
 * `node` condition, `web.ts` (Web Crypto) for browsers, edge runtimes and everything else.
 */
export type MaybePromise<T> = T | Promise<T>;

/** An HMAC-SHA256 key ready for signing; its shape depends on the backend (bytes or a `CryptoKey`). */
export type HmacKey = object;

export interface CryptoBackend {
  /** Lower-case hex SHA-256 of UTF-8 text or bytes. */
  sha256Hex(data: string | Uint8Array): MaybePromise<string>;
  /** HMAC chain: key₀ = UTF-8 `secret`, keyᵢ = HMAC(keyᵢ₋₁, steps[i]); returns the last key. */
  deriveKey(secret: string, steps: readonly string[]): MaybePromise<HmacKey>;
  /** Lower-case hex HMAC-SHA256 of UTF-8 `data` under `key`. */
  hmacHex(key: HmacKey, data: string): MaybePromise<string>;
  /** Base64 HMAC of UTF-8 `data` keyed with UTF-8 `secret` (Tencent's signature v1; verification only). */
  hmacBase64(hash: HmacHash, secret: string, data: string): MaybePromise<string>;
}

/** The hashes signature v1 names: `HmacSHA1` and `HmacSHA256`. */
export type HmacHash = "SHA-1" | "SHA-256";

/** True for promises (the Web Crypto backend); the node backend answers synchronously, saving a microtask. */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
