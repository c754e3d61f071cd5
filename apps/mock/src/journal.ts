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

/** The last `capacity` provider requests, oldest first. */
export class Journal {
  private entries: JournalEntry[] = [];
  constructor(private readonly capacity = 1000) {}

  add(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(filter: { account?: string; operation?: string; limit?: number } = {}): JournalEntry[] {
    let out = this.entries;
    if (filter.account !== undefined) out = out.filter((e) => e.account === filter.account);
    if (filter.operation !== undefined) out = out.filter((e) => e.operation === filter.operation);
    if (filter.limit !== undefined) out = out.slice(-filter.limit);
    return [...out];
  }

  clear(account?: string): void {
    this.entries = account === undefined ? [] : this.entries.filter((e) => e.account !== account);
  }
}
