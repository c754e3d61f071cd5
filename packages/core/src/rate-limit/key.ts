import { sha256Hex } from "#crypto";

/**
 * Limiter keys: provider × operation × region × credential. The credential id is hashed (SHA-256, first 16
 * hex digits) so that neither keys nor logs built from them show it in clear. (On Node the hash is computed
 * synchronously, so no real I/O sits in the send pipeline before the first timer; fake clocks stay exact.)
 *
 * @internal
 */
export async function hashCredentialId(credentialId: string): Promise<string> {
  return (await sha256Hex(credentialId)).slice(0, 16);
}

/**
 * The parts of a limiter key.
 *
 * @internal
 */
export interface RateLimitKeyParts {
  /** Provider, service and region, e.g. `tencent:trtc:ap-guangzhou`. */
  prefix: string;
  operation: string;
  /** Result of {@link hashCredentialId}; `anonymous` when there is no credential. */
  credentialHash?: string;
}

/**
 * The limiter key: `prefix:operation:credentialHash`.
 *
 * @internal
 */
export function rateLimitKey(parts: RateLimitKeyParts): string {
  return `${parts.prefix}:${parts.operation}:${parts.credentialHash ?? "anonymous"}`;
}
