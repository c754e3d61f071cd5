/**
 * Limiter keys: provider × operation × region × credential. The credential id is hashed (SHA-256, first 16
 * hex digits) so that neither keys nor logs built from them show it in clear.
 */
export async function hashCredentialId(credentialId: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(credentialId));
  let hex = "";
  for (const byte of new Uint8Array(digest).subarray(0, 8)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

export interface RateLimitKeyParts {
  /** Provider, service and region, e.g. `tencent:trtc:ap-guangzhou`. */
  prefix: string;
  operation: string;
  /** Result of {@link hashCredentialId}; `anonymous` when there is no credential. */
  credentialHash?: string;
}

export function rateLimitKey(parts: RateLimitKeyParts): string {
  return `${parts.prefix}:${parts.operation}:${parts.credentialHash ?? "anonymous"}`;
}
