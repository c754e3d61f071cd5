/** Options of one client call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call (default: the client's). */
  timeoutMs?: number;
}
