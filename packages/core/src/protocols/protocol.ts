/**
 * What a protocol makes of a successful answer.
 *
 * @internal
 */
export interface ParsedResponse {
  data: unknown;
  requestId?: string;
}

/**
 * What a protocol is told about the call whose answer it reads.
 *
 * @internal
 */
export interface ParseContext {
  /** Operation name, copied into errors. */
  operation: string;
  /** Current (corrected) time in epoch ms, for `Retry-After` dates. */
  now: number;
}

/**
 * Reads a provider's answer: resolves with the payload on success, throws a `ServiceError` (with `kind`
 * classified for the retry policy) on an error answer.
 *
 * @internal
 */
export interface Protocol {
  readonly name: string;
  parse(response: Response, context: ParseContext): Promise<ParsedResponse>;
}
