/**
 * Why Redis could not be used, in plain words for the outage log line and `RedisUnavailableError`: the network
 * error, the store's own timeout, or the word Redis answered with (`CLUSTERDOWN`, `LOADING`, `READONLY`, …).
 * Never ioredis' internal wording (its option names, its queues), and never a URL, a key or a password.
 */
export function outageCause(error: unknown): string {
  if (error instanceof NoAnswerError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code in NETWORK_CODES) return NETWORK_CODES[code]!;
  const message = error instanceof Error ? error.message : String(error);
  // A reply from the server starts with its error word, e.g. "CLUSTERDOWN The cluster is down".
  const reply = /^([A-Z][A-Z_]{2,})\b/.exec(message)?.[1];
  if (reply && error instanceof Error && error.name === "ReplyError") return `Redis answered ${reply}`;
  for (const [pattern, cause] of IOREDIS_MESSAGES) if (pattern.test(message)) return cause;
  return `unexpected ${error instanceof Error ? error.name : "error"}`;
}

/** The store's own command timeout ran out. */
export class NoAnswerError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
};

const IOREDIS_MESSAGES: [RegExp, string][] = [
  [/^connect ETIMEDOUT/, "connection timed out"],
  [/^Command timed out/, "no answer in time"],
  [
    /enableOfflineQueue|Connection is closed|max retries per request|is disconnect|Node is disconnected/,
    "not connected",
  ],
  [/None of startup nodes is available|Failed to refresh slots cache/, "no cluster node reachable"],
  [/Too many Cluster redirections/, "the cluster is failing over"],
];
