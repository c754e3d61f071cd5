/** What one case (or one library's lifecycle) came to on a runtime: passed, with what it saw, or the error. */
export type Outcome = { ok: true; detail?: unknown } | { ok: false; error: string };

/** `Name: message` of anything thrown (its `code` too when it has one), on one line. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const head = typeof code === "string" && code !== error.name ? `${error.name} ${code}` : error.name;
  return `${head}: ${error.message}`.split("\n")[0]!;
}

/** Runs `body`; whatever it throws becomes a failed outcome, never an unhandled rejection. */
export async function outcome(body: () => Promise<unknown>): Promise<Outcome> {
  try {
    const detail = await body();
    return detail === undefined ? { ok: true } : { ok: true, detail };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** Throws `message` (with what was seen) unless `condition` holds. */
export function expectThat(condition: boolean, message: string, seen?: unknown): asserts condition {
  if (!condition) throw new Error(seen === undefined ? message : `${message}; saw ${JSON.stringify(seen)}`);
}

/** The rejection of `promise`; throws when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected an error, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
