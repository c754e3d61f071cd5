/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_.,:/=@+%-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A member name in camelCase, its leading acronym lower-cased: `LLMConfig` → `llmConfig`, `TTSConfig` →
 * `ttsConfig`, `AvatarConfig` → `avatarConfig`. The clients name their JSON field helpers this way.
 */
export function camel(name: string): string {
  return name.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$|^[A-Z]/, (head) => head.toLowerCase());
}
