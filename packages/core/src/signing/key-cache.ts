import { deriveKey, sha256Hex } from "#crypto";
import { type HmacKey, isPromise, type MaybePromise } from "../crypto/backend.js";

/**
 * Derived signing keys, cached per (secret digest, date, scope). The secret never appears in a cache key: keys
 * hold a SHA-256 digest of it. Bounded: the least recently used entry goes when the map is full.
 */
const MAX_ENTRIES = 64;
const keys = new Map<string, HmacKey>();

/** A digest of the secret names it in cache keys; the secret itself is never stored. */
function secretDigest(secret: string): MaybePromise<string> {
  return sha256Hex(`voicetask-signing-key\n${secret}`);
}

function lookup(
  digest: string,
  secretPrefix: string,
  secret: string,
  steps: readonly string[],
): MaybePromise<HmacKey> {
  const id = `${secretPrefix}\n${digest}\n${steps.join("\n")}`;
  const hit = keys.get(id);
  if (hit) {
    keys.delete(id);
    keys.set(id, hit);
    return hit;
  }
  const store = (key: HmacKey) => {
    keys.set(id, key);
    if (keys.size > MAX_ENTRIES) keys.delete(keys.keys().next().value as string);
    return key;
  };
  const key = deriveKey(secretPrefix + secret, steps);
  return isPromise(key) ? key.then(store) : store(key);
}

/**
 * HMAC chain `secretPrefix + secret` → steps…, served from the cache when the same secret, date and scope were
 * derived before.
 */
export function cachedSigningKey(
  secretPrefix: string,
  secret: string,
  steps: readonly string[],
): MaybePromise<HmacKey> {
  const digest = secretDigest(secret);
  return isPromise(digest)
    ? digest.then((d) => lookup(d, secretPrefix, secret, steps))
    : lookup(digest, secretPrefix, secret, steps);
}

/** Number of cached keys (for tests of the bound). */
export function signingKeyCacheSize(): number {
  return keys.size;
}
