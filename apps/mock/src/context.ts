import type { Redactor } from "@voicetask/core";
import type { ChimeService } from "./chime/service.js";
import type { MockClock } from "./clock.js";
import type { CredentialStore } from "./credentials.js";
import type { MockEvents } from "./events/mock-events.js";
import type { FaultTable } from "./faults.js";
import type { Journal } from "./journal.js";
import type { MockLimits } from "./limits.js";
import type { Logger } from "./logger.js";
import type { Provider } from "./pipeline/adapter.js";
import type { TrtcService } from "./trtc/service.js";

/** Sliding-window limiter (the RateLimitStore of @voicetask/core). */
export interface Limiter {
  tryAcquire(
    key: string,
    limit: number,
    windowMs: number,
  ):
    | Promise<{ ok: true } | { ok: false; retryAfterMs: number }>
    | { ok: true }
    | { ok: false; retryAfterMs: number };
}

/** Everything a request handler needs; one per running mock. */
export interface MockContext {
  clock: MockClock;
  logger: Logger;
  credentials: CredentialStore;
  auth: "verify" | "off";
  rateLimit: boolean;
  latencyMs: number;
  limits: MockLimits;
  /** Masks the mock's keys and tokens by value (journal, logs), on top of core's rules by name. */
  redactor: Redactor;
  limiter: Limiter;
  /** Replaced on reset, so old windows are forgotten. */
  resetLimiter(): void;
  journal: Journal;
  faults: FaultTable;
  /** Task state and the hand-written behaviours of the stateful operations. */
  trtc: TrtcService;
  chime: ChimeService;
  /** Callbacks and events posted to receivers (targets, emitters, outbox). */
  events: MockEvents;
  /** Every operation served (stateful or answered from its spec example), by provider: fault targets. */
  operations: { trtc: readonly string[]; chime: readonly string[] };
  /** Testing hook: sees every provider answer (used to validate answers against the specs). */
  observe?: (answer: ProviderAnswer) => void;
}

export interface ProviderAnswer {
  provider: Provider;
  operation?: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The journal keeps at most this much of a body. */
export const JOURNAL_BODY_LIMIT = 64 * 1024;
