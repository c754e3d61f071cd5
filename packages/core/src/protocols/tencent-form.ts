/**
 * Tencent Cloud API 3.0's form encoding of a JSON request: the flat parameters that signature v1 and GET requests
 * carry (`AgentConfig.UserId=robot`, `InterruptWordList.0=stop`). `flattenTencentParams` writes them as the
 * official Node SDK does; `unflattenTencentParams` reads them back into the JSON value they stand for, typed by
 * the JSON Schema of the request, and says which JSON path each parameter maps to. Knows no operation by name.
 */

/** A JSON Schema (2020-12 / OpenAPI 3.1), as far as reading flat parameters needs it. */
export type TencentFormSchema = boolean | { readonly [keyword: string]: unknown };

/**
 * A JSON value as flat parameters, exactly as `tencentcloud-sdk-nodejs` (`mergeData`) does: members of objects
 * and elements of arrays joined with `.` (`A.B`, `A.0`), in the value's own order; `null` and `undefined` left
 * out, so an empty object or array sends nothing; strings as they are, numbers as `String(n)`, booleans as
 * `true`/`false`. Throws a TypeError for a number JSON cannot carry (NaN, ±Infinity).
 */
export function flattenTencentParams(value: object): [string, string][] {
  const out: [string, string][] = [];
  flattenInto(value, "", out);
  return out;
}

function flattenInto(value: object, prefix: string, out: [string, string][]): void {
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    const name = `${prefix}${key}`;
    if (member === null || member === undefined) continue;
    if (typeof member === "object" || typeof member === "function") {
      flattenInto(member, `${name}.`, out);
    } else if (typeof member === "number" && !Number.isFinite(member)) {
      throw new TypeError(`Tencent form: parameter "${name}" is ${member}, which JSON cannot carry`);
    } else {
      out.push([name, String(member)]);
    }
  }
}

/** Why a flat parameter could not be read (`rule`), named for the caller's own messages. */
export type TencentFormRule =
  | "duplicate" // the same name twice
  | "name" // an empty segment (`A..B`, `.A`, ``)
  | "depth" // more than 64 segments: no request nests that deep, and reading it would recurse as deep
  | "conflict" // both `A=…` and `A.B=…`
  | "index" // an array element that is not 0, 1, 2… without gaps
  | "members" // `A.B` where the schema makes `A` a string, number or boolean
  | "object" // `A=…` where the schema makes `A` an object
  | "array" // `A=…` where the schema makes `A` an array
  | "integer"
  | "number"
  | "boolean";

export interface TencentFormError {
  ok: false;
  /** The flat parameter at fault, as sent. */
  parameter: string;
  /** Its JSON Pointer in the request (RFC 6901), as far as it could be placed. */
  pointer: string;
  rule: TencentFormRule;
  /** An English sentence naming the parameter and the rule. */
  message: string;
}

export interface TencentFormValue {
  ok: true;
  /** The request as JSON. */
  value: Record<string, unknown>;
  /** Every flat parameter → the JSON Pointer of the value it became (`A.0.B` → `/A/0/B`). */
  pointers: Map<string, string>;
}

export interface UnflattenOptions {
  /** Resolves a `$ref` (for example `#/components/schemas/AgentConfig`); unresolved references type nothing. */
  resolveRef?(ref: string): TencentFormSchema | undefined;
}

/** One node of the parameter tree: a value (`A=1`), members (`A.B=…`), or both (an error found later). */
interface FormNode {
  /** The flat name of this node (`A.B`). */
  name: string;
  value?: string;
  children?: Map<string, FormNode>;
}

const INDEX = /^(?:0|[1-9]\d*)$/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MAX_REF_HOPS = 64;
const MAX_NESTING = 16;
const MAX_DEPTH = 64;

/**
 * Reads flat parameters back into the JSON value they stand for, typed by `schema` (the request's JSON Schema):
 * members by `properties` (else `additionalProperties`), elements by `items`, leaves as the schema's type
 * (`integer`, `number`, `boolean` from their text; `string` as sent). `$ref` (through `resolveRef`), `allOf`
 * and `oneOf`/`anyOf` (the first alternative that reads) are followed. Where the schema says nothing, members
 * make an object and a value stays a string. A value that cannot be typed is an error naming the parameter and
 * the rule; whether the typed value is valid (required members, enums, unknown names) is the validator's job.
 */
export function unflattenTencentParams(
  params: Iterable<readonly [string, string]>,
  schema: TencentFormSchema,
  options: UnflattenOptions = {},
): TencentFormValue | TencentFormError {
  const root: FormNode = { name: "", children: new Map() };
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) return failure(name, pointerOf(name.split(".")), "duplicate");
    seen.add(name);
    const segments = name.split(".");
    if (segments.some((s) => s === "")) return failure(name, "", "name");
    if (segments.length > MAX_DEPTH) return failure(name, "", "depth");
    let node = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = { name: segments.slice(0, i + 1).join(".") };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  const pointers = new Map<string, string>();
  const value = new Reader(options, pointers).read(root, schema, []);
  if (value instanceof ReadFailure) return value.error;
  return { ok: true, value: value as Record<string, unknown>, pointers };
}

type Path = (string | number)[];

/** A failed read, told apart from any value the parameters could spell (an `{ok: false}` member included). */
class ReadFailure {
  constructor(readonly error: TencentFormError) {}
}
type Read = unknown;
const isError = (v: Read): v is ReadFailure => v instanceof ReadFailure;
const fail = (...args: Parameters<typeof failure>) => new ReadFailure(failure(...args));

class Reader {
  constructor(
    private readonly options: UnflattenOptions,
    private readonly pointers: Map<string, string>,
  ) {}

  /** `nesting` counts `oneOf`/`anyOf` levels tried at this node, so a self-referring schema ends. */
  read(node: FormNode, schema: TencentFormSchema | undefined, path: Path, nesting = 0): Read {
    const parts = this.parts(schema);
    const alternatives = parts.flatMap((p) => [...schemas(p.oneOf), ...schemas(p.anyOf)]);
    if (alternatives.length > 0 && declaredTypes(parts) === undefined && nesting < MAX_NESTING) {
      let first: ReadFailure | undefined;
      for (const alternative of alternatives) {
        const marks = new Map(this.pointers);
        const both = { allOf: [...parts.map(withoutAlternatives), alternative] };
        const value = this.read(node, both, path, nesting + 1);
        if (!isError(value)) return value;
        first ??= value;
        this.pointers.clear();
        for (const [k, v] of marks) this.pointers.set(k, v);
      }
      return first;
    }
    const types = declaredTypes(parts);
    if (node.children && node.value !== undefined) {
      const member = node.children.values().next().value as FormNode;
      return fail(node.name, pointerOf(path), "conflict", member.name);
    }
    if (node.children) return this.readMembers(node.children, parts, types, path);
    return this.readLeaf(node, node.value ?? "", types, path);
  }

  private readMembers(
    children: Map<string, FormNode>,
    parts: SchemaObject[],
    types: Set<string> | undefined,
    path: Path,
  ): Read {
    const keys = [...children.keys()];
    if (keys.length === 0) return {}; // the request itself, with no parameters
    const asArray = types?.has("array") && (!types.has("object") || keys.every((k) => INDEX.test(k)));
    if (types !== undefined && !asArray && !types.has("object")) {
      return fail(firstLeaf(children.values().next().value as FormNode).name, pointerOf(path), "members");
    }
    if (asArray) {
      // Elements 0…n-1, each once: checked before anything is built, so `A.99999999` allocates nothing.
      for (const key of keys) {
        const child = children.get(key) as FormNode;
        if (!INDEX.test(key) || Number(key) >= keys.length) {
          return fail(firstLeaf(child).name, pointerOf([...path, key]), "index");
        }
      }
      const out: unknown[] = [];
      for (let i = 0; i < keys.length; i++) {
        const child = children.get(String(i)) as FormNode;
        const value = this.read(child, this.itemSchema(parts, i), [...path, i]);
        if (isError(value)) return value;
        out.push(value);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [key, child] of children) {
      const value = this.read(child, this.memberSchema(parts, key), [...path, key]);
      if (isError(value)) return value;
      // defineProperty: a member named `__proto__` stays a member, never the object's prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private readLeaf(node: FormNode, text: string, types: Set<string> | undefined, path: Path): Read {
    const pointer = pointerOf(path);
    const typed = typedLeaf(text, types);
    if (typed.ok) {
      this.pointers.set(node.name, pointer);
      return typed.value;
    }
    return fail(node.name, pointer, typed.rule);
  }

  /** The schema objects that apply at once: the schema, its `$ref` targets and `allOf` members. */
  private parts(schema: TencentFormSchema | undefined): SchemaObject[] {
    const out: SchemaObject[] = [];
    let hops = 0;
    const visit = (s: TencentFormSchema | undefined) => {
      if (s === undefined || typeof s === "boolean" || hops > MAX_REF_HOPS) return;
      out.push(s);
      if (typeof s.$ref === "string") {
        hops++;
        visit(this.options.resolveRef?.(s.$ref));
      }
      for (const member of schemas(s.allOf)) visit(member);
    };
    visit(schema);
    return out;
  }

  private memberSchema(parts: SchemaObject[], key: string): TencentFormSchema | undefined {
    const found: TencentFormSchema[] = [];
    for (const part of parts) {
      const properties = part.properties;
      if (isSchemaMap(properties) && Object.hasOwn(properties, key)) {
        found.push(properties[key] as TencentFormSchema);
      } else if (isSchema(part.additionalProperties)) {
        found.push(part.additionalProperties);
      }
    }
    return found.length === 0 ? undefined : found.length === 1 ? found[0] : { allOf: found };
  }

  private itemSchema(parts: SchemaObject[], index: number): TencentFormSchema | undefined {
    const found: TencentFormSchema[] = [];
    for (const part of parts) {
      const prefix = schemas(part.prefixItems);
      if (index < prefix.length) found.push(prefix[index] as TencentFormSchema);
      else if (isSchema(part.items)) found.push(part.items);
    }
    return found.length === 0 ? undefined : found.length === 1 ? found[0] : { allOf: found };
  }
}

type SchemaObject = { readonly [keyword: string]: unknown };

const isSchema = (v: unknown): v is TencentFormSchema =>
  typeof v === "boolean" || (typeof v === "object" && v !== null && !Array.isArray(v));

const isSchemaMap = (v: unknown): v is Record<string, TencentFormSchema> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const schemas = (v: unknown): TencentFormSchema[] => (Array.isArray(v) ? v.filter(isSchema) : []);

function withoutAlternatives(part: SchemaObject): SchemaObject {
  const { oneOf: _oneOf, anyOf: _anyOf, allOf: _allOf, $ref: _ref, ...rest } = part;
  return rest;
}

/**
 * The JSON types a position allows: the first `type` found, else the types of `enum`/`const` values, else
 * object or array from `properties`/`items`; undefined when the schema says nothing.
 */
function declaredTypes(parts: SchemaObject[]): Set<string> | undefined {
  for (const part of parts) {
    const type = part.type;
    if (typeof type === "string") return new Set([type]);
    if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === "string"));
  }
  for (const part of parts) {
    const values = Array.isArray(part.enum) ? part.enum : "const" in part ? [part.const] : undefined;
    if (values) return new Set(values.map(jsonTypeOf));
  }
  for (const part of parts) {
    if ("properties" in part || "additionalProperties" in part) return new Set(["object"]);
    if ("items" in part || "prefixItems" in part) return new Set(["array"]);
  }
  return undefined;
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** A flat value typed: the most specific type the schema allows and the text fits, string last. */
function typedLeaf(
  text: string,
  types: Set<string> | undefined,
): { ok: true; value: unknown } | { ok: false; rule: TencentFormRule } {
  if (types === undefined) return { ok: true, value: text };
  if (types.has("boolean") && /^(?:true|false)$/i.test(text)) {
    // Python's SDK writes `True`/`False`; the Node SDK `true`/`false`.
    return { ok: true, value: text.toLowerCase() === "true" };
  }
  const n = JSON_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (types.has("integer") && Number.isInteger(n)) return { ok: true, value: n };
  if (types.has("number") && Number.isFinite(n)) return { ok: true, value: n };
  if (types.has("string")) return { ok: true, value: text };
  for (const rule of ["integer", "number", "boolean", "object", "array"] as const) {
    if (types.has(rule)) return { ok: false, rule };
  }
  return { ok: true, value: text }; // only `null` (or nothing known): the validator answers
}

function firstLeaf(node: FormNode): FormNode {
  let n = node;
  while (n.value === undefined && n.children) n = n.children.values().next().value as FormNode;
  return n;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

const RULE_TEXT: Record<TencentFormRule, (parameter: string, other?: string) => string> = {
  duplicate: (p) => `The parameter \`${p}\` is given more than once.`,
  name: (p) => `The parameter name \`${p}\` has an empty part: names are joined with single dots.`,
  depth: (p) => `The parameter name \`${p.slice(0, 200)}\` nests more than ${MAX_DEPTH} levels deep.`,
  conflict: (p, other) =>
    `The parameter \`${p}\` is given both as a value and with members (\`${other}\`); send one or the other.`,
  index: (p) =>
    `The parameter \`${p}\` is not an element of its array: elements are numbered 0, 1, 2… without gaps.`,
  members: (p) => `The parameter \`${p}\` names a member of a value that has none.`,
  object: (p) => `The parameter \`${p}\` is an object: send its members as \`${p}.<name>\`.`,
  array: (p) => `The parameter \`${p}\` is an array: send its elements as \`${p}.0\`, \`${p}.1\`, ….`,
  integer: (p) => `The value of parameter \`${p}\` must be an integer.`,
  number: (p) => `The value of parameter \`${p}\` must be a number.`,
  boolean: (p) => `The value of parameter \`${p}\` must be true or false.`,
};

function failure(
  parameter: string,
  pointer: string,
  rule: TencentFormRule,
  other?: string,
): TencentFormError {
  return { ok: false, parameter, pointer, rule, message: RULE_TEXT[rule](parameter, other) };
}
