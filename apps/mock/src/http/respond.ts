import type { ServerResponse } from "node:http";

/** Writes a JSON (or empty) answer with the mock clock's `Date` header. Never throws. */
export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  nowMs: number,
): void {
  if (res.headersSent || res.destroyed) return;
  const payload = body === undefined ? "" : JSON.stringify(body);
  const all: Record<string, string | number> = {
    Date: new Date(nowMs).toUTCString(),
    ...headers,
    "Content-Length": Buffer.byteLength(payload),
  };
  if (body !== undefined) all["Content-Type"] ??= "application/json";
  res.writeHead(status, all);
  res.end(payload);
}
