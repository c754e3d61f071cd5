/**
 * Network failures in browsers and edge runtimes: `fetch` rejects with a bare `TypeError` that never says
 * whether the request left, so no failure proves "not sent". (`node.ts` reads Node's error codes.)
 */
export function failureCode(_error: unknown): { code: string | undefined; notSent: boolean; cause?: string } {
  return { code: undefined, notSent: false };
}
