import type { IncomingMessage, ServerResponse } from "node:http";
import { BODY_LIMIT_BYTES, type MockContext } from "../context.js";
import { readBody } from "../http/body.js";
import { Exchange } from "../http/exchange.js";
import { providerErrorOf } from "../http/internal-error.js";
import { send } from "../http/respond.js";
import type { Answer, ProtocolAdapter, ServedOperation } from "./adapter.js";
import { type Behaviours, behave, type OperationResult } from "./behaviour.js";

/** Serves one provider request; rawPath and rawQuery are the request target split at `?`. */
export type ProviderHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  rawQuery: string,
) => Promise<void>;

type Outcome = { operation: ServedOperation; result: OperationResult } | "dropped";

/**
 * The one request pipeline of the mocked providers: identify the operation, authenticate, rate limit, faults,
 * parse, validate, behave, answer. The adapter says how each step looks on its protocol's wire; every step and
 * its order are here, once. Each answer, error or not, waits out the configured latency and is journaled.
 */
export function createPipeline<E extends Error>(
  ctx: MockContext,
  adapter: ProtocolAdapter<E>,
  behaviours: Behaviours,
): ProviderHandler {
  const reply = (ex: Exchange, answer: Answer) => {
    send(ex.res, answer.status, answer.headers, answer.body, ctx.clock.now());
    ex.observe(answer.status, answer.headers, answer.body);
    ex.finish(answer.status);
  };

  /** Reads the body once, within the size limit; the limit and a broken stream are the protocol's errors. */
  const bodyOf = async (ex: Exchange): Promise<Uint8Array> => {
    if (ex.body) return ex.body;
    const read = await readBody(ex.req, BODY_LIMIT_BYTES);
    if (!read.ok) {
      throw read.reason === "too-large"
        ? adapter.errors.tooLarge(BODY_LIMIT_BYTES)
        : adapter.errors.unreadable();
    }
    ex.body = read.body;
    return read.body;
  };

  async function run(ex: Exchange): Promise<Outcome> {
    // 1. Identify the operation (the adapter may read the body first), then make sure the body is read.
    const identified = await adapter.identify(ex, () => bodyOf(ex));
    const { operation } = identified;
    ex.operation = operation.name;
    const body = ex.body ?? (await bodyOf(ex));

    // 2. Authenticate.
    const now = ctx.clock.now();
    const caller = await adapter.authenticate(ex, body, ctx.auth === "verify", now);
    ex.account = caller.account;

    // 3. Rate limit: the operation's `x-rate-limit` per account, 1-second sliding window.
    const limit = operation.model.rateLimit;
    if (ctx.rateLimit && limit !== undefined) {
      const slot = await ctx.limiter.tryAcquire(
        `${adapter.provider}:${caller.account}:${operation.name}`,
        limit,
        1000,
      );
      if (!slot.ok) throw adapter.errors.throttled(operation, limit);
    }

    // 4. Faults injected through the control API.
    const drawn = ex.injectFault(operation.name);
    const fault = drawn && (await drawn);
    if (fault === "dropped") return "dropped";
    if (fault?.errorCode) throw adapter.errors.injected(operation, { ...fault, errorCode: fault.errorCode });

    // 5-6. Parse and validate: parameters outside the body, then the body, against the model's schemas.
    if (identified.deferred) throw identified.deferred;
    const params = identified.params ?? {};
    if (operation.validateParams && !operation.validateParams(params)) {
      throw adapter.errors.invalid(operation.validateParams.errors?.[0], params, "params");
    }
    const input = adapter.parse(ex, operation, body);
    if (operation.validateBody && !operation.validateBody(input)) {
      throw adapter.errors.invalid(operation.validateBody.errors?.[0], input, "body");
    }

    // 7. Behave: the hand-written behaviour, or the spec's example.
    const call = { account: caller.account, region: caller.region, params, body: input, now };
    return {
      operation,
      result: behave(behaviours, operation, call, () => adapter.errors.noBehaviour(operation)),
    };
  }

  // 8. Answer, in the protocol's format (errors too).
  return async (req, res, rawPath, rawQuery) => {
    const ex = new Exchange(ctx, adapter.provider, req, res, rawPath, rawQuery);
    try {
      const outcome = await run(ex);
      if (outcome === "dropped") return;
      const delay = ex.delay();
      if (delay) await delay;
      reply(ex, adapter.answer(ex, outcome.operation, outcome.result));
    } catch (e) {
      const error = providerErrorOf(ex, e, adapter.errors);
      const answer = adapter.answerError(ex, error);
      ex.errorCode = answer.code;
      const delay = ex.delay();
      if (delay) await delay;
      reply(ex, answer);
    }
  };
}
