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

/**
 * Writes a JSON (or empty) answer with the mock clock's `Date` header, in one write: the head and the body go
 * out together through `res.end` with a `Content-Length`. Never throws.
 */
export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  nowMs: number,
): void {
  if (res.headersSent || res.destroyed) return;
  const payload = body === undefined ? "" : JSON.stringify(body);
  // A flat [name, value, …] list: no per-answer header object; a `Date` in `headers` replaces the clock's.
  const raw: string[] = headers.Date === undefined ? ["Date", httpDate(nowMs)] : [];
  for (const name in headers) if (name !== "Content-Length") raw.push(name, headers[name] as string);
  if (body !== undefined && headers["Content-Type"] === undefined)
    raw.push("Content-Type", "application/json");
  raw.push("Content-Length", String(Buffer.byteLength(payload)));
  res.writeHead(status, raw);
  res.end(payload);
}
