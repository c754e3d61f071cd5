/**
 * Splits an AWS-SDK-shaped command input (`{ VoiceConnectorId, SpeakerSearchTaskId, ...members }`) into the
 * request path, the operation's URI template with each label percent-encoded as one segment (`encodeURIComponent`,
 * so a `/` is sent as `%2F`; a literal query such as `?operation=stop` is kept), and the JSON body (every other
 * member). A call without body members sends no body at all, as the AWS SDK does.
 */
export function splitInput(
  pathTemplate: string,
  input: Record<string, unknown>,
): { path: string; body: Record<string, unknown> | undefined } {
  let path = pathTemplate;
  let body: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (pathTemplate.includes(`{${key}}`)) path = path.replace(`{${key}}`, encodeURIComponent(String(value)));
    else if (value !== undefined) {
      body ??= {};
      body[key] = value;
    }
  }
  const missing = /\{([^{}]+)\}/.exec(path);
  if (missing) throw new TypeError(`Missing path label ${missing[1]} for ${pathTemplate}`);
  return { path, body };
}
