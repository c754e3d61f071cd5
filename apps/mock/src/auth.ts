import type { IncomingMessage } from "node:http";
import { verifySigV4, verifyTc3 } from "@voicetask/core";

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
