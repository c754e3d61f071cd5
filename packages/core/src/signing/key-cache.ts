import { deriveKey, sha256Hex } from "#crypto";
import { type HmacKey, isPromise, type MaybePromise } from "../crypto/backend.js";

/**
 * Derived signing keys, cached per (secret digest, date, scope). The secret never appears in a cache key: keys
 * hold a SHA-256 digest of it. Bounded: the least recently used entry goes when the map is full.
 */
const MAX_ENTRIES = 64;
const keys = new Map<string, HmacKey>();

/**
 * Secret digests memoised per credentials object (weakly held, so nothing outlives the caller's object); the entry
 * keeps a reference to the caller's own secret string only to notice when the object's secret is changed.
 */
const digests = new WeakMap<object, { secret: string; digest: string }>();

function secretDigest(owner: object | undefined, secret: string): MaybePromise<string> {
  const memo = owner ? digests.get(owner) : undefined;
  if (memo && memo.secret === secret) return memo.digest;
  const remember = (digest: string) => {
    if (owner) digests.set(owner, { secret, digest });
    return digest;
  };
  const digest = sha256Hex(`voicetask-signing-key\n${secret}`);
  return isPromise(digest) ? digest.then(remember) : remember(digest);
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
 * derived before. `owner` (the credentials object) lets repeated calls skip re-hashing the secret.
 */
export function cachedSigningKey(
  owner: object | undefined,
  secretPrefix: string,
  secret: string,
  steps: readonly string[],
): MaybePromise<HmacKey> {
  const digest = secretDigest(owner, secret);
  return isPromise(digest)
    ? digest.then((d) => lookup(d, secretPrefix, secret, steps))
    : lookup(digest, secretPrefix, secret, steps);
}

/** Number of cached keys (for tests of the bound). */
export function signingKeyCacheSize(): number {
  return keys.size;
}
