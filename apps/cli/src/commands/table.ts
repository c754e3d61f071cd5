import { matchesName } from "../kebab.js";
import type { Provider, SpecModule } from "../providers.js";
import { type OperationModel, operationModel } from "../schema/model.js";

export interface ProviderTable {
  provider: Provider;
  module: SpecModule;
  operations: OperationModel[];
}

const cache = new Map<string, Promise<ProviderTable>>();

/** The commands of one provider, one per row of its generated operation table. */
export function loadTable(provider: Provider): Promise<ProviderTable> {
  let table = cache.get(provider.id);
  if (!table) {
    table = provider.loadSpec().then((module) => ({
      provider,
      module,
      operations: Object.values(module.operations).map((entry) => operationModel(module.spec, entry)),
    }));
    cache.set(provider.id, table);
  }
  return table;
}

export function findOperation(table: ProviderTable, name: string): OperationModel | undefined {
  return table.operations.find((op) => matchesName(name, op.name));
}
