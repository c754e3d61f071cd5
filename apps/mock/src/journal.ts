import { redactHeaders, redactJson } from "@voicetask/core";
import { parseJsonBody } from "./http/json.js";

export interface JournalEntry {
  requestId: string;
  time: string;
  provider: "trtc" | "chime";
  operation?: string;
  account?: string;
  method: string;
  path: string;
  status: number;
  /** Provider error code when the answer was an error. */
  errorCode?: string;
  durationMs: number;
  /** Request headers with secrets redacted. */
  headers: Record<string, string | string[]>;
  /** Parsed request body with secrets redacted (absent when empty, not JSON or too large). */
  body?: unknown;
  bodyBytes: number;
}

/** What is recorded per request; redaction happens when the journal is read, off the hot path. */
export interface JournalRecord extends Omit<JournalEntry, "headers" | "body" | "time"> {
  /** Mock time of arrival (ms). */
  at: number;
  rawHeaders: Record<string, string | string[] | undefined>;
  /** The body bytes when small enough to show. */
  rawBody?: Uint8Array;
}

function present(r: JournalRecord): JournalEntry {
  const { rawHeaders, rawBody, at, ...rest } = r;
  let body: unknown;
  if (rawBody && rawBody.length > 0) {
    const parsed = parseJsonBody(rawBody);
    if (parsed.ok) body = redactJson(parsed.value);
  }
  return {
    ...rest,
    time: new Date(at).toISOString(),
    headers: redactHeaders(rawHeaders),
    ...(body !== undefined ? { body } : {}),
  };
}

/** The last `capacity` provider requests, oldest first. */
export class Journal {
  private records: JournalRecord[] = [];
  constructor(private readonly capacity = 1000) {}

  add(record: JournalRecord): void {
    this.records.push(record);
    if (this.records.length > this.capacity * 1.25)
      this.records.splice(0, this.records.length - this.capacity);
  }

  list(filter: { account?: string; operation?: string; limit?: number } = {}): JournalEntry[] {
    let out = this.records.slice(-this.capacity);
    if (filter.account !== undefined) out = out.filter((e) => e.account === filter.account);
    if (filter.operation !== undefined) out = out.filter((e) => e.operation === filter.operation);
    if (filter.limit !== undefined) out = out.slice(-filter.limit);
    return out.map(present);
  }

  clear(account?: string): void {
    this.records = account === undefined ? [] : this.records.filter((e) => e.account !== account);
  }
}
