// Reads a webhook event (a TRTC callback body, a Chime EventBridge event) against its spec: picks the variant by
// the values at the discriminator paths, then checks the body against that variant's schema. Copied verbatim
// into each client's generated folder by @voicetask/spec-tools (render/runtime/); the tables it reads are
// generated from the spec. Edge-safe and dependency-free: it runs in the clients' smallest bundles.

/** The JSON Schema keywords an event table keeps: the ones that decide whether a body is valid. */
export interface EventSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: EventSchema };
  /** `false` forbids other members; a schema checks them. */
  readonly additionalProperties?: boolean | EventSchema;
  readonly items?: EventSchema;
  readonly maxItems?: number;
}

/** One variant: its name, the values that select it (by dotted path; none for the catch-all) and its schema. */
export interface EventVariant {
  readonly name: string;
  readonly values: { readonly [path: string]: unknown };
  readonly schema: EventSchema;
}

/** A body that is not a valid event: names the member (dotted path) and the rule it breaks. */
export class EventParseError extends Error {
  override name = "EventParseError";

  constructor(
    /** The variant the body was read as, e.g. `TaskStartedEvent`. */
    readonly variant: string,
    /** The member, e.g. `EventInfo.Payload.Status` (`(body)` for the body itself). */
    readonly field: string,
    /** What is wrong, e.g. `is required`, `must be integer`. */
    readonly rule: string,
  ) {
    super(`Invalid ${variant}: ${field} ${rule}`);
  }
}

const valueAt = (body: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);

/**
 * The variant of `body`: the one whose values all equal the body's (the one with most values when several
 * do), else the catch-all (the variant without values), else undefined.
 */
export function selectVariant<V extends Pick<EventVariant, "values">>(
  variants: readonly V[],
  body: unknown,
): V | undefined {
  let best: V | undefined;
  let bestCount = -1;
  for (const variant of variants) {
    const entries = Object.entries(variant.values);
    if (entries.length > bestCount && entries.every(([path, value]) => valueAt(body, path) === value)) {
      best = variant;
      bestCount = entries.length;
    }
  }
  return best;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

/** The first rule `value` breaks, as `[field, rule]`, or undefined when it is valid. */
function check(schema: EventSchema, value: unknown, field: string): [string, string] | undefined {
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (types.length && !types.some((type) => hasType(value, type)))
    return [field, `must be ${types.join(" or ")}`];
  if ("const" in schema && value !== schema.const) return [field, `must be ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value))
    return [field, `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`];
  const at = (key: string | number) =>
    typeof key === "number" ? `${field}[${key}]` : field === "(body)" ? key : `${field}.${key}`;
  if (isObject(value)) {
    for (const key of schema.required ?? []) if (!Object.hasOwn(value, key)) return [at(key), "is required"];
    for (const [key, member] of Object.entries(value)) {
      const own = schema.properties && Object.hasOwn(schema.properties, key);
      const rule = own ? schema.properties?.[key] : schema.additionalProperties;
      if (rule === false) return [at(key), "is not allowed"];
      const problem = typeof rule === "object" ? check(rule, member, at(key)) : undefined;
      if (problem) return problem;
    }
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      return [field, `must have at most ${schema.maxItems} items`];
    for (let i = 0; i < value.length && schema.items; i++) {
      const problem = check(schema.items, value[i], at(i));
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * Reads `body` (parsed JSON) as one of `variants`: answers `{ type, event }` with the variant's name, or throws
 * an {@link EventParseError} naming the member and the rule. An event no variant names is the catch-all's: kept,
 * never dropped.
 */
export function parseEvent(
  variants: readonly EventVariant[],
  body: unknown,
): { readonly type: string; readonly event: unknown } {
  const variant = selectVariant(variants, body);
  if (!variant) throw new EventParseError("event", "(body)", "matches no variant");
  const problem = check(variant.schema, body, "(body)");
  if (problem) throw new EventParseError(variant.name, ...problem);
  return { type: variant.name, event: body };
}
