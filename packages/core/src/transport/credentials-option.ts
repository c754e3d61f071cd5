/**
 * A client's `credentials` option: keys, or a function answering them (called before each signing, so rotating
 * temporary keys are picked up; cache inside it if fetching is costly).
 */
export type CredentialsOption<C> = C | (() => C | Promise<C>);

/**
 * Keeps the promise `load` answers, unless it rejects: the next call then loads again (so a missing credential
 * or a failed start is not remembered).
 *
 * @internal
 */
export function keepUnlessRejected<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= load();
    kept.catch(() => {
      kept = undefined;
    });
    return kept;
  };
}

/**
 * A function answering the credentials to sign with: a function option is asked each time; fixed keys, or none
 * (`resolve` then reads core's chain, e.g. the environment), are resolved and checked once.
 *
 * @internal
 */
export function credentialsFrom<C extends object>(
  option: CredentialsOption<C> | undefined,
  resolve: (o: { credentials?: C }) => Promise<C>,
): () => Promise<C> {
  if (typeof option === "function") return async () => option();
  return keepUnlessRejected(() => resolve({ credentials: option }));
}
