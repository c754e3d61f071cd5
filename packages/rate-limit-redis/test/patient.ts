/**
 * Store options for tests about the shared budget rather than about a slow Redis: a loaded CI machine can take
 * longer than the default 500 ms to answer, which would (rightly) send the store to its local budget.
 */
export const patient = { commandTimeoutMs: 10_000 };
