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

export async function authenticateTc3(
  req: IncomingMessage,
  body: Uint8Array,
  lookupSecret: (id: string) => string | undefined,
  now: number,
): Promise<AuthResult> {
  const r = await verifyTc3(wire(req, body), { lookupSecret, now });
  return r.ok ? { ok: true, account: r.keyId, service: r.service } : r;
}

/** Tencent's signature v1 (HmacSHA1 / HmacSHA256, parameters in the query or a form body). */
export async function authenticateTencentV1(
  req: IncomingMessage,
  body: Uint8Array,
  lookupSecret: (id: string) => string | undefined,
  now: number,
): Promise<AuthResult> {
  const r = await verifyTencentV1(wire(req, body), { lookupSecret, now });
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
