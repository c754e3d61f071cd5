import type { ServerResponse } from "node:http";

let dateSecond = -1;
let dateText = "";
/** The HTTP date of `nowMs`, formatted once per second. */
export function httpDate(nowMs: number): string {
  const second = Math.floor(nowMs / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}

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
    Date: httpDate(nowMs),
    ...headers,
    "Content-Length": Buffer.byteLength(payload),
  };
  if (body !== undefined) all["Content-Type"] ??= "application/json";
  res.writeHead(status, all);
  res.end(payload);
}
