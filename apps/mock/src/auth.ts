import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { verifySigV4, verifyTc3, verifyTencentV1 } from "@voicetask/core";

export type AuthResult =
  | { ok: true; account: string; service: string; region?: string }
  | { ok: false; code: string; message: string; httpStatus: number };

const wire = (req: IncomingMessage, body: Uint8Array) => ({
  method: req.method ?? "GET",
  url: req.url ?? "/",
  headers: req.headers,
  body,
});

/** A Tencent Cloud API 3.0 signature: TC3-HMAC-SHA256, or signature v1 (HmacSHA1 / HmacSHA256, flat parameters). */
export async function authenticateTencent(
  signature: "tc3" | "v1",
  req: IncomingMessage,
  body: Uint8Array,
  lookupSecret: (id: string) => string | undefined,
  now: number,
): Promise<AuthResult> {
  const verify = signature === "tc3" ? verifyTc3 : verifyTencentV1;
  const r = await verify(wire(req, body), { lookupSecret, now });
  return r.ok ? { ok: true, account: r.keyId, service: r.service } : r;
}

export async function authenticateSigV4(
  req: IncomingMessage,
  body: Uint8Array,
  lookupSecret: (id: string) => string | undefined,
  service: string,
  now: number,
): Promise<AuthResult> {
  const r = await verifySigV4(wire(req, body), { lookupSecret, service, now });
  return r.ok ? { ok: true, account: r.keyId, service: r.service, region: r.region } : r;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether a request carries the session token its key requires: none required, or the same one (compared in
 * constant time, whatever the lengths).
 */
export function carriesToken(sent: string | undefined, required: string | undefined): boolean {
  if (required === undefined) return true;
  return sent !== undefined && timingSafeEqual(digest(sent), digest(required));
}
