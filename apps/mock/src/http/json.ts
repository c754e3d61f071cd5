import { isUtf8 } from "node:buffer";

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: "utf8" | "json" };

/**
 * Strict UTF-8 decoding (invalid bytes are an error, a leading BOM is dropped), then JSON.parse. An empty body
 * parses as `{}` (no parameters).
 */
export function parseJsonBody(body: Uint8Array): ParsedJson {
  if (!isUtf8(body)) return { ok: false, reason: "utf8" };
  let text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a leading BOM is dropped, as TextDecoder does
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "json" };
  }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
