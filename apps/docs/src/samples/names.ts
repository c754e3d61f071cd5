/**
 * PascalCase API names to kebab-case CLI names, keeping acronyms together — the same rule as the CLI's:
 * `StopAIConversation` → `stop-ai-conversation`, `STTConfig` → `stt-config`, `SdkAppId` → `sdk-app-id`.
 */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
}

/** The client method for an operation: the operationId with its first letter lower-cased. */
export function methodName(operationId: string): string {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_.,:/=@+%-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
