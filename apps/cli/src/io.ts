/** What a command may touch of the outside world; tests hand in their own. */
export interface Io {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width when stdout is one (help wraps to it). */
  columns?: number | undefined;
  readStdin(): Promise<string>;
  /** Overrides the HTTP transport (tests); default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

export function processIo(): Io {
  return {
    env: process.env,
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stdout.columns,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/** Help is as wide as the terminal on stdout, 80 columns when it is not one; never narrower than 40. */
export function helpWidth(io: Pick<Io, "stdoutIsTTY" | "columns">): number {
  return io.stdoutIsTTY && io.columns ? Math.max(40, io.columns) : 80;
}
