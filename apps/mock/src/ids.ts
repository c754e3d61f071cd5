import { randomBytes, randomUUID } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Random bytes drawn in blocks: one system call per block, not per id. */
let pool = Buffer.alloc(0);
let poolAt = 0;
function randomByte(): number {
  if (poolAt >= pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  return pool[poolAt++]!;
}

/**
 * Random characters from [A-Za-z0-9] (rejection sampling keeps the distribution uniform), made as one flat
 * string: appending them one by one would leave V8 a tree of some sixty pieces per id, which a task would hold
 * on to (about 1.4 KB per TRTC task).
 */
export function randomAlnum(length: number): string {
  const codes: number[] = [];
  while (codes.length < length) {
    const byte = randomByte();
    if (byte < 248) codes.push(ALPHABET.charCodeAt(byte % 62));
  }
  return String.fromCharCode(...codes);
}

export const requestId = (): string => randomUUID();

/**
 * A TRTC AI conversation TaskId shaped like the real ones, e.g.
 * `v2_20250224_udqgoOzzpAFOoiXR_sHbeVCwys3hy0PLs1uRLvS7wY9mjZMEIQuDPhT` (UTC date of creation).
 */
export function trtcTaskId(nowMs: number): string {
  const day = new Date(nowMs).toISOString().slice(0, 10).replaceAll("-", "");
  return ["v2", day, randomAlnum(16), randomAlnum(47)].join("_"); // joined: one flat string, as above
}

/** A Chime speaker search task id (a GUID, as the real service returns). */
export const chimeTaskId = (): string => randomUUID();
