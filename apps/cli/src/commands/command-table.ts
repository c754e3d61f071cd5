import { services } from "../generated/index.js";
import { matchesName } from "../kebab.js";
import type { Provider } from "../providers.js";
import type { GeneratedOperation, GeneratedService } from "../schema/model.js";

/**
 * The spec-free side of a provider's commands, from the generated index (src/generated): running an operation
 * loads only its own module (fields, table row, validator). The spec is loaded for help, examples, the
 * skeleton and completion only (`loadTable`).
 */
export function generatedService(provider: Provider): GeneratedService {
  const service = services[provider.id];
  if (!service) throw new Error(`No generated operations for ${provider.id}; run the generate task`);
  return service;
}

/** The API names of a provider's operations, in table order. */
export function operationNames(provider: Provider): string[] {
  return Object.keys(generatedService(provider).operations);
}

/** The API name a command word names (`stop-ai-conversation` or `StopAIConversation`), if any. */
export function findCommand(provider: Provider, word: string): string | undefined {
  return operationNames(provider).find((name) => matchesName(word, name));
}

export function loadOperation(provider: Provider, name: string): Promise<GeneratedOperation> {
  const load = generatedService(provider).operations[name];
  if (!load) throw new Error(`The ${provider.id} operation table has no ${name}`);
  return load();
}
