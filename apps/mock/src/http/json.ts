const decoder = new TextDecoder("utf-8", { fatal: true });

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: "utf8" | "json" };

/** Strict UTF-8 decoding, then JSON.parse. An empty body parses as `{}` (no parameters). */
export function parseJsonBody(body: Uint8Array): ParsedJson {
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    return { ok: false, reason: "utf8" };
  }
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "json" };
  }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
