// The mock's control API (spec/mock-control/openapi.yaml), called over HTTP from inside the runtime.

export interface JournalEntry {
  /** Arrival, in mock time (ISO 8601 with milliseconds). */
  time: string;
  operation?: string;
  account?: string;
  status: number;
  errorCode?: string;
}

/** A control call made outside the runtime: `{ status, body }` of the answer. */
type Relay = (method: string, url: string, body?: string) => Promise<{ status: number; body: string }>;

/**
 * The mock refuses control requests from web pages (they carry `Origin`), so in a browser the harness relays
 * them from Node (`__mockControl`, see harness/chromium.ts); every other runtime calls the mock itself.
 */
export async function sendControl(
  method: string,
  url: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  const relay = (globalThis as { __mockControl?: Relay }).__mockControl;
  if (relay) return relay(method, url, body);
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: await response.text() };
}

async function control(endpoint: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await sendControl(
    method,
    `${endpoint}/_mock/${path}`,
    body === undefined ? undefined : JSON.stringify(body),
  );
  if (answer.status >= 300) throw new Error(`mock control ${method} ${path}: HTTP ${answer.status}`);
  return answer.status === 204 ? undefined : JSON.parse(answer.body);
}

/** Moves the mock's clock (task transitions follow it). */
export const advanceClock = (endpoint: string, ms: number) =>
  control(endpoint, "POST", "clock/advance", { ms });

/** Injects a fault into one operation (latency, an error code, `times`). */
export const setFault = (endpoint: string, operation: string, fault: Record<string, unknown>) =>
  control(endpoint, "PUT", `faults/${operation}`, fault);

export const clearFaults = (endpoint: string) => control(endpoint, "DELETE", "faults");

/** How many requests a fault has affected. */
export async function faultHits(endpoint: string, operation: string): Promise<number> {
  const { faults } = (await control(endpoint, "GET", "faults")) as {
    faults: { operation: string; hits: number }[];
  };
  return faults.find((f) => f.operation === operation)?.hits ?? 0;
}

/** The requests the mock received from one account. */
export async function journal(endpoint: string, account: string): Promise<JournalEntry[]> {
  const { entries } = (await control(endpoint, "GET", `journal?account=${encodeURIComponent(account)}`)) as {
    entries: JournalEntry[];
  };
  return entries;
}

/** Answers of the mock that were throttles (Tencent `RequestLimitExceeded*`, Chime 429). */
export const throttles = (entries: JournalEntry[]) =>
  entries.filter((e) => e.status === 429 || e.errorCode?.startsWith("RequestLimitExceeded"));

/** The most requests of one operation that arrived within any 1000 ms (the mock's window), for messages. */
export function mostInOneSecond(entries: JournalEntry[]): number {
  const times = entries.map((e) => Date.parse(e.time)).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
