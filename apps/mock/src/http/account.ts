import type { IncomingHttpHeaders } from "node:http";

/** The key id in `Credential=<id>/...` of an Authorization header, used as the account when auth is off. */
export function credentialIdOf(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  if (typeof auth !== "string") return undefined;
  const m = /Credential=([^/,\s]+)\//.exec(auth);
  return m?.[1];
}
