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

/** `stop-ai-conversation` or `StopAIConversation` both match the operation `StopAIConversation`. */
export function matchesName(given: string, apiName: string): boolean {
  return given === apiName || given === kebab(apiName) || given.toLowerCase() === apiName.toLowerCase();
}

/** `StopAIConversation` → `stopAIConversation`, the client method name. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
