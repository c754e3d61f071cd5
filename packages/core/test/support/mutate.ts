/** One-byte changes that a verifier must notice (never a change of letter case or of whitespace only). */
export function changeOneChar(text: string): string {
  const i = text.search(/[a-z0-9]/i);
  if (i < 0) return `${text}x`;
  const c = text[i] as string;
  const next = /[0-8]/.test(c) ? String(Number(c) + 1) : c === "9" ? "0" : /[a-yA-Y]/.test(c) ? "1" : "2";
  return text.slice(0, i) + next + text.slice(i + 1);
}

export function changeOneByte(body: Uint8Array): Uint8Array {
  if (body.length === 0) return Uint8Array.of(0x20);
  const copy = body.slice();
  copy[copy.length - 1] = (copy[copy.length - 1] as number) ^ 0x01;
  return copy;
}

export interface WireLike {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** Every single-byte mutation of a signed request: method, path, query, each signed header, body. */
export function mutations(wire: WireLike, signedHeaders: readonly string[]): [string, WireLike][] {
  const q = wire.url.indexOf("?");
  const path = q < 0 ? wire.url : wire.url.slice(0, q);
  const query = q < 0 ? "" : wire.url.slice(q + 1);
  const out: [string, WireLike][] = [
    ["method", { ...wire, method: changeOneChar(wire.method) }],
    ["path", { ...wire, url: `${path}x${q < 0 ? "" : `?${query}`}` }],
    ["query", { ...wire, url: `${path}?${query}x` }],
    ["body", { ...wire, body: changeOneByte(wire.body) }],
  ];
  for (const name of signedHeaders) {
    const value = wire.headers[name];
    if (value === undefined) continue;
    const changed = Array.isArray(value)
      ? [changeOneChar(value[0] as string), ...value.slice(1)]
      : changeOneChar(value as string);
    out.push([`header ${name}`, { ...wire, headers: { ...wire.headers, [name]: changed } }]);
  }
  return out;
}

/** `text` with its byte at `at` (modulo the length) XOR 0x01: ASCII stays ASCII, a letter never only changes case. */
export function flipAt(text: string, at: number): string {
  const i = at % text.length;
  return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
}
