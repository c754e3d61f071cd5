import type { CryptoBackend, HmacKey } from "./backend.js";
import { toHex } from "./hex.js";

/** Web Crypto backend for browsers, edge runtimes and any runtime without the `node` condition. */
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;
const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("Web Crypto (crypto.subtle) is not available in this runtime");
  return s;
}

function bytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return (typeof data === "string" ? encoder.encode(data) : new Uint8Array(data)) as Uint8Array<ArrayBuffer>;
}

async function hmacRaw(key: CryptoKey, data: string): Promise<ArrayBuffer> {
  return subtle().sign("HMAC", key, encoder.encode(data));
}

/** HMAC pads keys with zeros to the 64-byte block, so an empty key is the all-zero block (Web Crypto refuses ""). */
const EMPTY_KEY = new Uint8Array(64);

function importKey(raw: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<CryptoKey> {
  return subtle().importKey("raw", raw.byteLength === 0 ? EMPTY_KEY : raw, HMAC, false, ["sign"]);
}

export const sha256Hex: CryptoBackend["sha256Hex"] = async (data) =>
  toHex(new Uint8Array(await subtle().digest("SHA-256", bytes(data))));

export const deriveKey: CryptoBackend["deriveKey"] = async (secret, steps): Promise<HmacKey> => {
  let key = await importKey(bytes(secret));
  for (const step of steps) key = await importKey(await hmacRaw(key, step));
  return key;
};

export const hmacHex: CryptoBackend["hmacHex"] = async (key, data) =>
  toHex(new Uint8Array(await hmacRaw(key as CryptoKey, data)));

export const hmacBase64: CryptoBackend["hmacBase64"] = async (hash, secret, data) => {
  const raw = bytes(secret);
  const key = await subtle().importKey(
    "raw",
    raw.byteLength === 0 ? EMPTY_KEY : raw,
    { name: "HMAC", hash },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await hmacRaw(key, data));
  let binary = "";
  for (const b of mac) binary += String.fromCharCode(b);
  return btoa(binary);
};
