/**
 * Network failures as Node (undici) reports them: a `code` along the error's cause chain. Some codes prove
 * the request never left this machine, so it was not processed and may be resent whatever the operation.
 * (Browsers and edge runtimes report no codes; `web.ts` is their side of `#network`.)
 */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The most telling code of a failed fetch (one that proves "not sent", else the first) and whether it does. */
export function failureCode(error: unknown): { code: string | undefined; notSent: boolean } {
  let code: string | undefined;
  for (let e = error as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string" && (code === undefined || NOT_SENT.has(e.code))) code = e.code;
    e = typeof e.cause === "object" ? (e.cause as typeof e) : null;
  }
  return { code, notSent: code !== undefined && NOT_SENT.has(code) };
}
