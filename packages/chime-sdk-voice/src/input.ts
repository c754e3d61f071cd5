/**
 * Splits an AWS-SDK-shaped command input (`{ VoiceConnectorId, SpeakerSearchTaskId, ...members }`) into the
 * path labels of the operation's URI template and the JSON body (every other member). A call without body
 * members sends no body at all, as the AWS SDK does.
 */
export function splitInput(
  pathTemplate: string,
  input: Record<string, unknown>,
): { path: Record<string, string>; body: Record<string, unknown> | undefined } {
  const labels = new Set(Array.from(pathTemplate.matchAll(/\{([^{}]+)\}/g), (m) => m[1]!));
  const path: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let hasBody = false;
  for (const [key, value] of Object.entries(input)) {
    if (labels.has(key)) {
      path[key] = String(value);
    } else if (value !== undefined) {
      body[key] = value;
      hasBody = true;
    }
  }
  for (const label of labels) {
    if (!(label in path)) throw new TypeError(`Missing path label ${label} for ${pathTemplate}`);
  }
  return { path, body: hasBody ? body : undefined };
}
