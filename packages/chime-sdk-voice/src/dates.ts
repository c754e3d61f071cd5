/**
 * AWS restJson1 sends timestamps as ISO-8601 strings; the AWS SDKs hand them to users as `Date`. Every member
 * whose name ends in `Timestamp` (the Smithy naming rule this API follows) becomes a `Date`, at any depth.
 */
export type WithDates<T> = T extends readonly (infer E)[]
  ? WithDates<E>[]
  : T extends object
    ? {
        [K in keyof T]: K extends `${string}Timestamp`
          ? NonNullable<T[K]> extends string
            ? Date | Exclude<T[K], string>
            : T[K]
          : WithDates<T[K]>;
      }
    : T;

export function withDates<T>(value: T): WithDates<T> {
  return convert(value) as WithDates<T>;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = key.endsWith("Timestamp") && typeof member === "string" ? toDate(member) : convert(member);
  }
  return out;
}

/** A string that is not a date stays a string rather than becoming an `Invalid Date`. */
function toDate(text: string): Date | string {
  const at = Date.parse(text);
  return Number.isNaN(at) ? text : new Date(at);
}
