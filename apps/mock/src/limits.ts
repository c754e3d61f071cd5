import { CHIME_TIMING } from "./chime/lifecycle.js";

/**
 * Every bound on what the mock holds or waits for, so no client, however hostile or buggy, can make it grow
 * without limit or keep a connection forever. Defaults come from the services' documented quotas where there
 * are some; the rest are the mock's own, generous for test suites. All are options of `startMockServer`
 * (`limits`) and flags of `voicetask-mock`; the README lists them.
 */
export interface MockLimits {
  /** Running TRTC AI conversation tasks per SdkAppId (TRTC documents 100 concurrent tasks per app). */
  trtcTasksPerApp: number;
  /** Active Chime speaker search tasks per account and Region (AWS's default quota: 25 per Region). */
  chimeActiveTasksPerRegion: number;
  /** Tasks kept per account and provider (TRTC: running or awaiting cleanup; Chime: active or still readable). */
  tasksPerAccount: number;
  /** With `auth: "off"`: accounts (unverified key ids) holding tasks at once, per provider. */
  unverifiedAccounts: number;
  /** Open connections; more are closed at once. */
  maxConnections: number;
  /** Time to receive a request's headers, in seconds (slow-header connections are closed with 408). */
  headersTimeoutSeconds: number;
  /** Time to receive a whole request, body included, in seconds. */
  requestTimeoutSeconds: number;
  /** A connection with no request in progress is closed after this many idle seconds. */
  idleTimeoutSeconds: number;
  /** Request body of a signed request (Tencent documents 10 MB for a TC3-signed POST). */
  bodyBytes: number;
  /**
   * Request body of a request without an `Authorization` header (Tencent documents 1 MB for a POST signed with
   * signature v1, whose signature travels in the body); others are refused before their body is read.
   */
  unsignedBodyBytes: number;
  /** Journal entries kept (the newest). */
  journalEntries: number;
  /** Bytes the journal keeps (bodies and headers), the newest entries first. */
  journalBytes: number;
  /** Callbacks and events waiting to be delivered (or retried); more are dropped and journaled as `queue full`. */
  eventQueue: number;
  /** Callback targets (TRTC applications) and event targets (AWS accounts), each; and transactions with a set search outcome. */
  eventTargets: number;
}

export const DEFAULT_LIMITS: Readonly<MockLimits> = {
  trtcTasksPerApp: 100,
  chimeActiveTasksPerRegion: CHIME_TIMING.activeQuota,
  tasksPerAccount: 10_000,
  unverifiedAccounts: 1000,
  maxConnections: 512,
  headersTimeoutSeconds: 10,
  requestTimeoutSeconds: 30,
  idleTimeoutSeconds: 30,
  bodyBytes: 10 * 1024 * 1024,
  unsignedBodyBytes: 1024 * 1024,
  journalEntries: 1000,
  journalBytes: 16 * 1024 * 1024,
  eventQueue: 10_000,
  eventTargets: 1000,
};

/** How much of a refused request body the mock reads (and drops) so its client sees the answer, then it closes. */
export const DISCARD_BYTES = 64 * 1024 * 1024;

/** The limits with defaults filled in; throws a RangeError naming a limit that is not a positive number. */
export function resolveLimits(given: Partial<MockLimits> = {}): MockLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(given) as [keyof MockLimits, unknown][]) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_LIMITS)) throw new RangeError(`limits.${name} is not a limit of the mock`);
    if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
      throw new RangeError(`limits.${name} must be a positive number (got ${String(value)})`);
    }
    limits[name] = value;
  }
  if (limits.headersTimeoutSeconds > limits.requestTimeoutSeconds) {
    throw new RangeError("limits.headersTimeoutSeconds must not exceed limits.requestTimeoutSeconds");
  }
  return limits;
}
