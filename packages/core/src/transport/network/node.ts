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

/**
 * What a failed fetch says: the words of the innermost error that has any (undici throws "fetch failed" with the
 * cause below it, `connect ECONNREFUSED 127.0.0.1:4010`) and its most telling code (one that proves "not sent",
 * else the first), unless the words already name it; and whether the request provably never left.
 */
export function describeFailure(error: unknown): { detail: string; notSent: boolean } {
  let code: string | undefined;
  let cause: string | undefined;
  for (
    let e = error as { code?: unknown; cause?: unknown; message?: unknown; errors?: unknown } | null,
      depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === "string" && (code === undefined || NOT_SENT.has(e.code))) code = e.code;
    // An AggregateError (every address refused) has its words on its first error.
    const first = Array.isArray(e.errors) ? (e.errors[0] as { message?: unknown } | undefined) : undefined;
    const message = e.message || first?.message;
    if (depth > 0 && typeof message === "string" && message) cause = message;
    e = typeof e.cause === "object" ? (e.cause as typeof e) : null;
  }
  const detail = cause ?? (error instanceof Error ? error.message : String(error));
  return {
    detail: code && !detail.includes(code) ? `${detail} (${code})` : detail,
    notSent: code !== undefined && NOT_SENT.has(code),
  };
}
