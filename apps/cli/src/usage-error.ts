/** A mistake in what the user typed or supplied; exits with code 1 and never reaches the network. */
export class UsageError extends Error {
  override name = "UsageError";
  /** Lines printed after the message (e.g. a hint to run `--help`). */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}
