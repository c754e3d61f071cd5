import type { Redactor } from "@voicetask/core";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

export type LogEntry = { level: Exclude<LogLevel, "silent">; msg: string; time: string } & Record<
  string,
  unknown
>;
/** Receives structured entries (already redacted). The default sink writes JSON lines to stderr. */
export type LogSink = (entry: LogEntry) => void;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  enabled(level: Exclude<LogLevel, "silent">): boolean;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export const stderrSink: LogSink = (entry) => {
  process.stderr.write(`${JSON.stringify(entry)}\n`);
};

/**
 * A logger at `level` into `sink`. With a `redactor`, every entry passes through it (the mock's keys and tokens
 * by value, secret-named fields, URLs in messages) before the sink sees it.
 */
export function createLogger(
  level: LogLevel,
  sink: LogSink = stderrSink,
  now = () => Date.now(),
  redactor?: Redactor,
): Logger {
  const threshold = RANK[level];
  const emit = (lvl: Exclude<LogLevel, "silent">, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < threshold) return;
    try {
      const safe = redactor && fields ? (redactor.json(fields) as Record<string, unknown>) : fields;
      const text = redactor ? redactor.text(msg) : msg;
      sink({ ...safe, level: lvl, msg: text, time: new Date(now()).toISOString() });
    } catch {
      // a failing sink must never take the server down
    }
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    enabled: (lvl) => RANK[lvl] >= threshold,
  };
}
