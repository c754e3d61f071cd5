import { matchesName } from "../kebab.js";
import type { Provider, SpecModule } from "../providers.js";
import { type OperationEntry, type OperationModel, operationModel } from "../schema/model.js";

export interface ProviderTable {
  provider: Provider;
  module: SpecModule;
  /** Every operation's model, in table order (built on first use). */
  readonly operations: OperationModel[];
  /** One operation's model (built on first use, then the same object). */
  model(entry: OperationEntry): OperationModel;
}

const cache = new Map<string, Promise<ProviderTable>>();

/**
 * The commands of one provider, one per row of its generated operation table. Models are built from the spec
 * only when asked for: a command that names its operation builds that one, help and completion build them all.
 */
export function loadTable(provider: Provider): Promise<ProviderTable> {
  let table = cache.get(provider.id);
  if (!table) {
    table = provider.loadSpec().then((module) => {
      const models = new Map<string, OperationModel>();
      const model = (entry: OperationEntry) => {
        const known = models.get(entry.name);
        if (known) return known;
        const built = operationModel(module.spec, entry);
        models.set(entry.name, built);
        return built;
      };
      return {
        provider,
        module,
        get operations() {
          return Object.values(module.operations).map(model);
        },
        model,
      };
    });
    cache.set(provider.id, table);
  }
  return table;
}

export function findOperation(table: ProviderTable, name: string): OperationModel | undefined {
  const entry = Object.values(table.module.operations).find((e) => matchesName(name, e.name));
  return entry ? table.model(entry) : undefined;
}

/** An operation's full model from the spec (help, skeleton), by API name. */
export async function loadModel(provider: Provider, name: string): Promise<[ProviderTable, OperationModel]> {
  const table = await loadTable(provider);
  const op = findOperation(table, name);
  if (!op) throw new Error(`The ${provider.id} spec has no operation ${name}`);
  return [table, op];
}
