/** The documented exit codes of `voicetask` (README, "Exit codes"). */
export const ExitCode = {
  /** The command succeeded. */
  ok: 0,
  /** Usage or input error: unknown command or flag, invalid value, input not valid against the spec. */
  usage: 1,
  /** The API answered with an error; its code is printed on stderr. */
  api: 2,
  /** Network failure or timeout (including a waiter that ran out of time). */
  network: 3,
  /** No credentials were found (or a credentials file is malformed). */
  credentials: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
