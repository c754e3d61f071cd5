import { createRedactor, type Redactor } from "@voicetask/core";
import type { DeliveryInfo } from "./events/outbox.js";
import { parseJsonBody } from "./http/json.js";

export interface JournalEntry {
  requestId: string;
  time: string;
  /** `outbound` for an event the mock posted to a receiver (a callback, an EventBridge event). */
  direction?: "outbound";
  provider: "trtc" | "chime";
  operation?: string;
  account?: string;
  method: string;
  /** Path and query, secrets redacted. */
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
  /** For an outbound event: which event, which attempt, and how it ended. */
  delivery?: DeliveryInfo;
}

/** What is recorded per request; redaction happens when the journal is read, off the hot path. */
export interface JournalRecord extends Omit<JournalEntry, "headers" | "body" | "time"> {
  /** Mock time of arrival (ms). */
  at: number;
  rawHeaders: Record<string, string | string[] | undefined>;
  /** The body bytes when small enough to show. */
  rawBody?: Uint8Array;
}

/** Fixed cost of an entry (ids, numbers, object overhead) on top of its path, headers and body. */
const ENTRY_OVERHEAD = 256;

/** What a record holds in memory, roughly: the journal's byte bound counts this. */
function sizeOf(r: JournalRecord): number {
  let size = ENTRY_OVERHEAD + r.path.length + (r.rawBody?.length ?? 0);
  for (const name in r.rawHeaders) {
    const value = r.rawHeaders[name];
    size += name.length + (Array.isArray(value) ? value.join(", ").length : (value?.length ?? 0));
  }
  return size;
}

function present(r: JournalRecord, redactor: Redactor): JournalEntry {
  const { rawHeaders, rawBody, at, ...rest } = r;
  let body: unknown;
  if (rawBody && rawBody.length > 0) {
    const parsed = parseJsonBody(rawBody);
    if (parsed.ok) body = redactor.json(parsed.value);
  }
  return {
    ...rest,
    path: redactor.url(r.path),
    time: new Date(at).toISOString(),
    headers: redactor.headers(rawHeaders),
    ...(body !== undefined ? { body } : {}),
  };
}

export interface JournalLimits {
  /** Entries kept, the newest. */
  entries: number;
  /** Bytes kept (see {@link sizeOf}), the newest entries first. */
  bytes: number;
}

/**
 * The last provider requests, oldest first, within a count and a byte bound. Read through a redactor that knows
 * the mock's keys and tokens, so they are masked by value as well as by name.
 */
export class Journal {
  private records: JournalRecord[] = [];
  private sizes: number[] = [];
  /** Index of the oldest kept record (records before it were dropped and are compacted away in bulk). */
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly limits: JournalLimits = { entries: 1000, bytes: 16 * 1024 * 1024 },
    private readonly redactor: Redactor = createRedactor(),
  ) {}

  add(record: JournalRecord): void {
    const size = sizeOf(record);
    this.records.push(record);
    this.sizes.push(size);
    this.bytes += size;
    while (
      this.records.length - this.head > this.limits.entries ||
      (this.bytes > this.limits.bytes && this.records.length - this.head > 1)
    ) {
      this.bytes -= this.sizes[this.head]!;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }

  /** Entries and bytes kept now. */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.records.length - this.head, bytes: this.bytes };
  }

  list(filter: { account?: string; operation?: string; limit?: number } = {}): JournalEntry[] {
    let out = this.records.slice(this.head);
    if (filter.account !== undefined) out = out.filter((e) => e.account === filter.account);
    if (filter.operation !== undefined) out = out.filter((e) => e.operation === filter.operation);
    if (filter.limit !== undefined) out = out.slice(-filter.limit);
    return out.map((r) => present(r, this.redactor));
  }

  clear(account?: string): void {
    const kept = this.records.slice(this.head).filter((e) => account !== undefined && e.account !== account);
    this.records = [];
    this.sizes = [];
    this.head = 0;
    this.bytes = 0;
    for (const r of kept) this.add(r);
  }
}
