/**
 * Network failures in browsers and edge runtimes: `fetch` rejects with a bare `TypeError` that never says
 * whether the request left, so no failure proves "not sent", and its message is all there is to tell.
 * (`node.ts` reads Node's error codes.)
 */
export function describeFailure(error: unknown): { detail: string; notSent: boolean } {
  return { detail: error instanceof Error ? error.message : String(error), notSent: false };
}
