import { UsageError } from "../usage-error.js";

/** Applies a JMESPath expression (`--query`), loading the library only when asked. */
export async function applyQuery(value: unknown, expression: string | undefined): Promise<unknown> {
  if (!expression) return value;
  const { search, compile } = await import("@jmespath-community/jmespath");
  try {
    compile(expression);
  } catch (error) {
    throw new UsageError(`--query: invalid JMESPath expression (${(error as Error).message})`);
  }
  return search(value as never, expression);
}
