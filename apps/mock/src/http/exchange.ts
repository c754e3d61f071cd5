import type { IncomingMessage, ServerResponse } from "node:http";
import { isSecretName, REDACTED, redactJson } from "@voicetask/core";
import { JOURNAL_BODY_LIMIT, type MockContext } from "../context.js";
import type { Fault } from "../faults.js";
import { requestId as newRequestId } from "../ids.js";
import type { JournalRecord } from "../journal.js";
import type { Provider } from "../pipeline/adapter.js";

/** One provider request in flight: what the journal and the log get once it is answered. */
export class Exchange {
  readonly requestId = newRequestId();
  readonly startedAt: number;
  readonly realStart = performance.now();
  operation?: string;
  account?: string;
  body?: Uint8Array;
  /** The input as JSON text when the wire form is not JSON (Tencent's flat parameters): what the journal shows. */
  journalBody?: Uint8Array;
  /** What the protocol adapter read from the request's wire form (Tencent: form, common parameters, language). */
  wire?: unknown;
  errorCode?: string;

  constructor(
    readonly ctx: MockContext,
    readonly provider: Provider,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    /** The request target split at `?`, undecoded. */
    readonly rawPath = "",
    readonly rawQuery = "",
  ) {
    this.startedAt = ctx.clock.now();
  }

  /** Waits for the configured latency plus any injected one; undefined (nothing to await) when there is none. */
  delay(extraMs = 0): Promise<void> | undefined {
    const ms = this.ctx.latencyMs + extraMs;
    return ms > 0 ? this.ctx.clock.sleep(ms) : undefined;
  }

  /** Drops the connection without an answer (fault injection). */
  drop(): void {
    this.req.socket.destroy();
  }

  /**
   * Draws the fault injected into `operation`, if any: waits out its latency and drops the connection when
   * asked. Answers "dropped", or the fault whose error code the caller answers in its provider's format;
   * undefined at once (nothing to await) when no fault applies.
   */
  injectFault(operation: string): Promise<Fault | "dropped"> | undefined {
    const fault = this.ctx.faults.draw(operation);
    return fault ? this.applyFault(fault) : undefined;
  }

  private async applyFault(fault: Fault): Promise<Fault | "dropped"> {
    if (fault.latencyMs) await this.ctx.clock.sleep(fault.latencyMs);
    if (!fault.drop) return fault;
    this.errorCode = "(dropped)";
    this.drop();
    this.finish(0);
    return "dropped";
  }

  /** Shows the answer to the testing hook, if one is installed. */
  observe(status: number, headers: Record<string, string>, body: unknown): void {
    this.ctx.observe?.({ provider: this.provider, operation: this.operation, status, headers, body });
  }

  /** Records the request in the journal and logs it (debug), secrets redacted. */
  finish(status: number): void {
    const { ctx } = this;
    const bodyBytes = this.body?.length ?? 0;
    const record: JournalRecord = {
      requestId: this.requestId,
      at: this.startedAt,
      provider: this.provider,
      method: this.req.method ?? "",
      path: journalPath(this.rawPath, this.rawQuery),
      status,
      durationMs: Math.round((performance.now() - this.realStart) * 1000) / 1000,
      rawHeaders: this.req.headers,
      bodyBytes,
    };
    if (this.operation) record.operation = this.operation;
    if (this.account) record.account = this.account;
    if (this.errorCode) record.errorCode = this.errorCode;
    const shown = this.journalBody ?? this.body;
    if (shown && shown.length > 0 && shown.length <= JOURNAL_BODY_LIMIT) record.rawBody = shown;
    ctx.journal.add(record);
    if (ctx.logger.enabled("debug")) {
      const { rawHeaders: _h, rawBody: _b, ...summary } = record;
      ctx.logger.debug("request", { ...summary, path: ctx.redactor.url(summary.path) });
    }
  }
}

/**
 * The request target as the journal shows it, at most 2048 characters: query parameters redacted as body members
 * are (a GET to Tencent carries its whole request there): secret names (`Signature`, `Token`, `SecretId`,
 * `AgentConfig.UserSig`) hidden, secrets inside JSON values (`LLMConfig`) replaced.
 */
function journalPath(rawPath: string, rawQuery: string): string {
  if (rawQuery === "") return rawPath.slice(0, 2048);
  const query = rawQuery
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const name = decoded(pair.slice(0, eq));
      if (isSecretName(name)) return `${pair.slice(0, eq)}=${REDACTED}`;
      const value = decoded(pair.slice(eq + 1));
      const shown = redactJson(value) as string;
      return shown === value ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(shown)}`;
    })
    .join("&");
  return `${rawPath}?${query}`.slice(0, 2048);
}

/** A query name or value as form decoding reads it; as sent when it is not valid percent-encoding. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
