// How names are derived from the spec's names. Written once here; the model carries the results, so the clients,
// the CLI and the docs never derive a name themselves.

/**
 * PascalCase API names to kebab-case CLI names, keeping acronyms together:
 * `StopAIConversation` → `stop-ai-conversation`, `STTConfig` → `stt-config`, `SdkAppId` → `sdk-app-id`.
 */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
}

/** The client method of an operation: `StopAIConversation` → `stopAIConversation`. */
export function methodName(operationId: string): string {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}
