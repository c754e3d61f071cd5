// Tencent signs each callback with the application's key: Sign = base64(HMAC-SHA256(key, raw body)). Web Crypto
// only, so it runs unchanged on Node, Deno, Bun, Workers and in browsers.

const encoder = new TextEncoder();
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;

/**
 * The form of a Sign: base64 of 32 bytes is 43 characters and one `=`, and the 43rd carries 2 bits of padding
 * that must be zero. Anything else is refused before decoding, so that two spellings of one MAC (which `atob`
 * would both accept) cannot both verify.
 */
const SIGN = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

const bytesOf = (body: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  (typeof body === "string" ? encoder.encode(body) : new Uint8Array(body)) as Uint8Array<ArrayBuffer>;

function importKey(key: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  const raw = encoder.encode(key);
  // HMAC pads a key to its 64-byte block with zeros, so the empty key is 64 zero bytes (Web Crypto refuses "").
  return crypto.subtle.importKey("raw", raw.byteLength ? raw : new Uint8Array(64), HMAC, false, [usage]);
}

/**
 * The Sign Tencent sends with `body` for `key`: base64 HMAC-SHA256 of the body's bytes (UTF-8 for a string).
 * For tests and tools that post callbacks (the mock); a receiver uses {@link verifyCallback}.
 */
export async function signCallback(body: string | Uint8Array, key: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await importKey(key, "sign"), bytesOf(body)));
  let binary = "";
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * True when `sign` (the `Sign` header; null when absent) is the HMAC-SHA256 of `body` under `key`. Pass the body
 * exactly as received (bytes, or the text as read): Tencent signs its own bytes, tabs and newlines included, so a
 * re-serialised body does not verify. The MAC is compared by Web Crypto's `verify`, in constant time.
 */
export async function verifyCallback(
  body: string | Uint8Array,
  sign: string | null,
  key: string,
): Promise<boolean> {
  if (sign === null || !SIGN.test(sign)) return false;
  const mac = Uint8Array.from(atob(sign), (c) => c.charCodeAt(0));
  return crypto.subtle.verify("HMAC", await importKey(key, "verify"), mac, bytesOf(body));
}
