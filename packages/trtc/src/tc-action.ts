/**
 * Tencent Cloud API 3.0 sends every action as `POST <base>/` with the action in `X-TC-Action`; the spec has one
 * pseudo-path per action instead (`/StopAIConversation`). These are the headers of one action's request (signing
 * comes after, in the sender): `X-TC-Action`, `X-TC-Version`, `X-TC-Region`, `X-TC-Language` when one is set, and
 * the JSON content type.
 */
export function tcHeaders(
  action: string,
  version: string,
  region: string,
  language: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-TC-Action": action,
    "X-TC-Version": version,
    "X-TC-Region": region,
  };
  if (language) headers["X-TC-Language"] = language;
  return headers;
}
