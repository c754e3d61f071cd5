/**
 * Browsers and edge runtimes keep no reachable copy of a Request's body: answer nothing, so the signer reads the
 * body the standard way. (The Node variant, `node.ts`, explains the fast path.)
 */
export function bodySource(_request: Request): Uint8Array | string | undefined {
  return undefined;
}
