import type { ApiModel, OperationModel } from "@voicetask/core";
import type { Field } from "./schema/operation-module.js";
import { matchesName, type ServiceEntry } from "./services.js";

// A service's model (`<client>/spec`): read by help, examples, the skeleton and completion only. Running an
// operation never loads it.

const cache = new Map<string, Promise<ApiModel>>();

export function loadModel(service: ServiceEntry): Promise<ApiModel> {
  let model = cache.get(service.name);
  if (!model) {
    model = service.model();
    cache.set(service.name, model);
  }
  return model;
}

/** One operation's model, by command or API name. */
export async function loadOperationModel(
  service: ServiceEntry,
  name: string,
): Promise<[ApiModel, OperationModel]> {
  const model = await loadModel(service);
  const op = model.operations.find((o) => matchesName(name, o));
  if (!op) throw new Error(`The ${service.name} model has no operation ${name}`);
  return [model, op];
}

/** An operation's fields with their full schemas (descriptions, enums), as the CLI's flag helpers read them. */
export const modelFields = (op: OperationModel): Field[] => op.fields as unknown as Field[];
