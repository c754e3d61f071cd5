/**
 * Splits an AWS-SDK-shaped command input (`{ VoiceConnectorId, SpeakerSearchTaskId, ...members }`) into the
 * path labels of the operation's URI template and the JSON body (every other member). A call without body
 * members sends no body at all, as the AWS SDK does.
 */
export function splitInput(
  pathTemplate: string,
  input: Record<string, unknown>,
): { path: Record<string, string>; body: Record<string, unknown> | undefined } {
  const path: Record<string, string> = {};
  let body: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (pathTemplate.includes(`{${key}}`)) path[key] = String(value);
    else if (value !== undefined) {
      body ??= {};
      body[key] = value;
    }
  }
  for (const [, label] of pathTemplate.matchAll(/\{([^{}]+)\}/g)) {
    if (!(label! in path)) throw new TypeError(`Missing path label ${label} for ${pathTemplate}`);
  }
  return { path, body };
}
