import type { IncomingMessage, ServerResponse } from "node:http";
import type { MockContext } from "../context.js";
import { credentialIdOf } from "../http/account.js";
import { discardBody, readBody } from "../http/body.js";
import { Exchange } from "../http/exchange.js";
import { providerErrorOf } from "../http/internal-error.js";
import { send } from "../http/respond.js";
import { DISCARD_BYTES } from "../limits.js";
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

/** What the pipeline needs besides the adapter: the API's documented regions (none: any region). */
export interface PipelineOptions {
  regions?: ReadonlySet<string>;
}

const NO_BODY = new Uint8Array(0);

/**
 * The one request pipeline of the mocked providers: identify the operation, authenticate, rate limit, faults,
 * parse, validate, behave, answer. The adapter says how each step looks on its protocol's wire; every step and
 * its order are here, once. Each answer, error or not, waits out the configured latency and is journaled.
 */
export function createPipeline<E extends Error>(
  ctx: MockContext,
  adapter: ProtocolAdapter<E>,
  behaviours: Behaviours,
  options: PipelineOptions = {},
): ProviderHandler {
  const reply = (ex: Exchange, answer: Answer) => {
    send(ex.res, answer.status, answer.headers, answer.body, ctx.clock.now());
    ex.observe(answer.status, answer.headers, answer.body);
    ex.finish(answer.status);
  };

  const knownKey = (id: string) =>
    ctx.credentials.tencentSecret(id) !== undefined || ctx.credentials.awsSecret(id) !== undefined;

  /**
   * Reads the body once. A request whose `Authorization` names no key the mock knows is answered with the
   * verifier's own error before a byte of its body is read (the key is looked up before the body is hashed, so
   * an empty body gives the same answer); the size limit is the signed one with `Authorization`, the unsigned
   * one without. The limit and a broken stream are the protocol's errors.
   */
  const bodyOf = async (ex: Exchange): Promise<Uint8Array> => {
    if (ex.body) return ex.body;
    const { authorization } = ex.req.headers;
    if (authorization !== undefined && ctx.auth === "verify") {
      const id = credentialIdOf(ex.req.headers);
      const unknown = id === undefined ? !/credential=/i.test(String(authorization)) : !knownKey(id);
      if (unknown) await adapter.authenticate(ex, NO_BODY, true, ctx.clock.now());
    }
    const limit = authorization !== undefined ? ctx.limits.bodyBytes : ctx.limits.unsignedBodyBytes;
    const read = await readBody(ex.req, limit);
    if (!read.ok)
      throw read.reason === "too-large"
        ? adapter.errors.tooLarge(limit, ex.req)
        : adapter.errors.unreadable();
    ex.body = read.body;
    return read.body;
  };

  /**
   * A body the mock did not read (refused for its size or its key) is read and dropped before the answer, up to
   * a bound: a client that sends its whole body before reading (most do) would otherwise meet a reset and never
   * read the answer. Past the bound the connection is closed right after the answer.
   */
  const drain = async (ex: Exchange): Promise<void> => {
    if (ex.req.complete) return;
    if ((await discardBody(ex.req, DISCARD_BYTES)) === "overflow")
      ex.res.once("finish", () => ex.req.socket.destroy());
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
    // Only the API's documented regions hold state (Chime's region comes from the credential scope).
    if (options.regions && !options.regions.has(caller.region))
      throw adapter.errors.unsupportedRegion(caller.region);

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
      await drain(ex);
      const delay = ex.delay();
      if (delay) await delay;
      reply(ex, answer);
    }
  };
}
