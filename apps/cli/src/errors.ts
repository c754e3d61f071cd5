import { ExitCode, type ExitCodeValue } from "./exit-codes.js";
import type { Io } from "./io.js";
import { scrub, sessionSecrets } from "./redact.js";
import { colours } from "./style.js";
import { UsageError } from "./usage-error.js";

interface Classified {
  exit: ExitCodeValue;
  message: string;
  hint?: string;
  /** The provider's own error (`Code: Message (RequestId: …)`), printed as the provider states it. */
  provider?: boolean;
}

const NETWORK = new Set(["NetworkError", "TimeoutError", "AbortError"]);

/** Maps any failure to its documented exit code and a one-line message (provider code first for API errors). */
export function classify(error: unknown): Classified {
  if (error instanceof UsageError) return { exit: ExitCode.usage, message: error.message, hint: error.hint };
  const e = error as {
    name?: string;
    message?: string;
    code?: unknown;
    httpStatus?: unknown;
    requestId?: unknown;
    reason?: unknown;
  };
  if (e?.name === "CredentialsError") {
    return { exit: ExitCode.credentials, message: e.message ?? "no credentials" };
  }
  if (typeof e?.code === "string" && typeof e.httpStatus === "number") {
    const rid = typeof e.requestId === "string" && e.requestId ? ` (RequestId: ${e.requestId})` : "";
    return { exit: ExitCode.api, message: `${e.code}: ${e.message ?? ""}${rid}`, provider: true };
  }
  // A waiter that saw a failure state is like an API error; one that ran out of time, like a timeout.
  if (e?.name === "WaiterError") {
    return { exit: e.reason === "failure" ? ExitCode.api : ExitCode.network, message: e.message ?? "waiter" };
  }
  if (e?.name && NETWORK.has(e.name)) return { exit: ExitCode.network, message: e.message ?? e.name };
  return { exit: ExitCode.usage, message: `unexpected error: ${e?.message ?? String(error)}` };
}

/** Prints the failure on stderr (secrets scrubbed) and answers the exit code. */
export function report(io: Io, error: unknown, secrets: readonly (string | undefined)[] = []): ExitCodeValue {
  const c = classify(error);
  const style = colours({ isTTY: io.stderrIsTTY }, io.env);
  const all = [...secrets, ...sessionSecrets, ...envSecrets(io.env)];
  // An API error is printed as the provider states it: `Code: Message (RequestId: …)`.
  const text = c.provider
    ? style.red(c.message)
    : c.message
        .split("\n")
        .map((line) => `${style.red("voicetask: error:")} ${line}`)
        .join("\n");
  io.err(scrub(text, all));
  if (c.hint) io.err(scrub(c.hint, all));
  if (io.env.VOICETASK_DEBUG_STACK === "1" && error instanceof Error && error.stack)
    io.err(scrub(error.stack, all));
  return c.exit;
}

/** Secret values from the environment, scrubbed from every printed line. */
export function envSecrets(env: NodeJS.ProcessEnv): (string | undefined)[] {
  return [
    env.TENCENTCLOUD_SECRET_KEY,
    env.TENCENTCLOUD_SESSION_TOKEN,
    env.TENCENTCLOUD_TOKEN,
    env.AWS_SECRET_ACCESS_KEY,
    env.AWS_SESSION_TOKEN,
    env.TRTC_SDK_SECRET_KEY,
  ];
}
