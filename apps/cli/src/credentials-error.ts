/** No usable credentials (exit 4); named like core's error so one classifier handles both. */
export class MissingCredentialsError extends Error {
  override name = "CredentialsError";
}
