import type { Exchange } from "./exchange.js";

/**
 * The pipeline's safety net: a provider error passes through; anything else is a bug of the mock, logged once
 * (name and message, never the request) and answered as the provider's internal error.
 */
export function providerErrorOf<E extends Error>(
  ex: Exchange,
  thrown: unknown,
  format: { is(thrown: unknown): thrown is E; internal(): E },
): E {
  if (format.is(thrown)) return thrown;
  ex.ctx.logger.error("internal error", {
    provider: ex.provider,
    requestId: ex.requestId,
    operation: ex.operation,
    error: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown),
  });
  return format.internal();
}
