/**
 * A provider-neutral picture of request/response structures, so that the SDKs' models and our specs can be
 * compared field by field. Types are canonical strings: `string`, `number`, `boolean`, `timestamp`,
 * `array<T>`, `ref<StructureName>`.
 */
export interface Field {
  type: string;
  required: boolean;
}

export type Structure = Map<string, Field>;
export type Model = Map<string, Structure>;

export interface Difference {
  structure: string;
  field?: string;
  problem: string;
}

/** Every difference between what the SDK defines and what the spec defines, for the named root structures. */
export function compareModels(sdk: Model, spec: Model, roots: readonly string[]): Difference[] {
  const differences: Difference[] = [];
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const expected = sdk.get(name);
    const actual = spec.get(name);
    if (!expected) {
      differences.push({ structure: name, problem: "not defined by the SDK (the spec invents it)" });
      continue;
    }
    if (!actual) {
      differences.push({ structure: name, problem: "missing from the spec" });
      continue;
    }
    for (const [field, want] of expected) {
      const got = actual.get(field);
      if (!got) {
        differences.push({
          structure: name,
          field,
          problem: `missing from the spec (SDK: ${describe(want)})`,
        });
        continue;
      }
      if (got.type !== want.type) {
        differences.push({
          structure: name,
          field,
          problem: `type ${got.type} in the spec, ${want.type} in the SDK`,
        });
      }
      if (got.required !== want.required) {
        differences.push({
          structure: name,
          field,
          problem: `${got.required ? "required" : "optional"} in the spec, ${want.required ? "required" : "optional"} in the SDK`,
        });
      }
    }
    for (const [field, got] of actual) {
      if (!expected.has(field)) {
        differences.push({
          structure: name,
          field,
          problem: `not in the SDK (the spec invents it: ${describe(got)})`,
        });
      }
    }
    for (const field of [...expected.values(), ...actual.values()]) {
      const referenced = referencedStructure(field.type);
      if (referenced) queue.push(referenced);
    }
  }
  return differences;
}

export function referencedStructure(type: string): string | undefined {
  return /ref<([^>]+)>/.exec(type)?.[1];
}

function describe(field: Field): string {
  return `${field.required ? "required" : "optional"} ${field.type}`;
}

export function formatDifferences(differences: readonly Difference[]): string {
  return differences.map((d) => `${d.structure}${d.field ? `.${d.field}` : ""}: ${d.problem}`).join("\n");
}
