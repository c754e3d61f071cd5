import { randomBytes, randomUUID } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Random characters from [A-Za-z0-9] (rejection sampling keeps the distribution uniform). */
export function randomAlnum(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export const requestId = (): string => randomUUID();

/**
 * A TRTC AI conversation TaskId shaped like the real ones, e.g.
 * `v2_20250224_udqgoOzzpAFOoiXR_sHbeVCwys3hy0PLs1uRLvS7wY9mjZMEIQuDPhT` (UTC date of creation).
 */
export function trtcTaskId(nowMs: number): string {
  const day = new Date(nowMs).toISOString().slice(0, 10).replaceAll("-", "");
  return `v2_${day}_${randomAlnum(16)}_${randomAlnum(47)}`;
}

/** A Chime speaker search task id (a GUID, as the real service returns). */
export const chimeTaskId = (): string => randomUUID();
