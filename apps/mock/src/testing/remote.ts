import type { ClockState } from "../control/actions.js";
import type { JournalEntry } from "../journal.js";
import { type MockAddress, readMockEnv } from "./env.js";

/** Which journal entries to read (the control API's filters). */
export interface JournalFilter {
  account?: string;
  operation?: string;
  limit?: number;
}

/**
 * A running mock seen from a test: where it is, the keys it accepts, and its control API (`/_mock/`) over HTTP,
 * so it works from any test worker. Pass it to `expect(…)` for the journal matchers.
 */
export interface RunningMock extends MockAddress {
  /** The last requests, oldest first, secrets redacted. */
  journal(filter?: JournalFilter): Promise<JournalEntry[]>;
  clearJournal(): Promise<void>;
  /** Forgets tasks, journal, faults, rate windows and clock offset (every account: other test files too). */
  reset(): Promise<void>;
  /** Moves the mock's clock on: task transitions, rate windows and signature windows follow it. */
  advanceClock(ms: number): Promise<ClockState>;
}

/** Where the control API is and the token it needs, if any. */
interface ControlTarget {
  url: string;
  controlToken?: string;
}

async function control<T>(target: ControlTarget, method: string, path: string, body?: unknown): Promise<T> {
  const { url } = target;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (target.controlToken) headers.authorization = `Bearer ${target.controlToken}`;
  const res = await fetch(`${url}/_mock/${path}`, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 500);
    try {
      message = (JSON.parse(text) as { error: { message: string } }).error.message;
    } catch {
      // not the control API's error format: the text as it is
    }
    throw new Error(
      `voicetask-mock control API: ${method} /_mock/${path} answered ${res.status}: ${message}`,
    );
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * The journal of the mock at `url` (`GET /_mock/journal`): the last requests, oldest first, secrets redacted.
 * `url` may be `{ url, controlToken }` for a mock whose control API has a token.
 */
export async function readJournal(
  url: string | ControlTarget,
  filter: JournalFilter = {},
): Promise<JournalEntry[]> {
  const target = typeof url === "string" ? { url } : url;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) query.set(k, String(v));
  const q = String(query);
  return (await control<{ entries: JournalEntry[] }>(target, "GET", q ? `journal?${q}` : "journal")).entries;
}

/** The control API of the mock at `address.url`. */
export function runningMock(address: MockAddress): RunningMock {
  const { url } = address;
  const target = {
    url,
    get controlToken() {
      return address.controlToken;
    },
  };
  return Object.defineProperties(
    {
      url,
      journal: (filter?: JournalFilter) => readJournal(target, filter),
      clearJournal: () => control<void>(target, "DELETE", "journal"),
      reset: () => control<void>(target, "POST", "reset", {}),
      advanceClock: (ms: number) => control<ClockState>(target, "POST", "clock/advance", { ms }),
    },
    // Read when used (see readMockEnv), and not enumerable: a test runner printing this object in a failure
    // message (or console.log) shows no secret key.
    {
      tencent: { get: () => address.tencent },
      aws: { get: () => address.aws },
      controlToken: { get: () => address.controlToken },
    },
  ) as RunningMock;
}

/**
 * The mock the global setup started, from the `VOICETASK_MOCK_*` variables (see `MOCK_ENV`). Throws, naming the
 * missing variable, when no global setup ran.
 */
export function mockFromEnv(env: Record<string, string | undefined> = process.env): RunningMock {
  return runningMock(readMockEnv(env));
}
