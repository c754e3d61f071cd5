import { parseArgs } from "node:util";
import { parseCorsOrigins } from "./http/cors.js";
import { DEFAULT_LIMITS, type MockLimits } from "./limits.js";
import { LOG_LEVELS, type LogLevel } from "./logger.js";
import type { MockServerOptions } from "./server.js";

/** The flags of the limits (see `MockLimits`): flag, limit, help text. */
const LIMIT_FLAGS: readonly (readonly [string, keyof MockLimits, string])[] = [
  ["max-connections", "maxConnections", "open connections; more are closed at once"],
  ["headers-timeout", "headersTimeoutSeconds", "seconds to receive a request's headers"],
  ["request-timeout", "requestTimeoutSeconds", "seconds to receive a whole request"],
  ["idle-timeout", "idleTimeoutSeconds", "seconds before an idle connection is closed"],
  ["trtc-tasks-per-app", "trtcTasksPerApp", "running TRTC tasks per SdkAppId"],
  ["chime-active-tasks", "chimeActiveTasksPerRegion", "active Chime tasks per account and Region"],
  ["tasks-per-account", "tasksPerAccount", "tasks kept per account and provider"],
  ["unverified-accounts", "unverifiedAccounts", "accounts holding tasks with --auth off"],
  ["body-limit", "bodyBytes", "bytes of a signed request body"],
  ["unsigned-body-limit", "unsignedBodyBytes", "bytes of a body sent without Authorization"],
  ["journal-entries", "journalEntries", "journal entries kept"],
  ["journal-bytes", "journalBytes", "journal bytes kept"],
  ["event-queue", "eventQueue", "callbacks and events waiting for delivery"],
  ["event-targets", "eventTargets", "callback and event targets kept"],
];

export const USAGE = `Usage: voicetask-mock [options]

A stateful local TRTC + Chime SDK Voice service: TRTC on / (Tencent Cloud API 3.0: TC3 POST or GET, signature v1),
Chime SDK Voice on its REST paths, the control API under /_mock/. It checks signatures, validates input against the specs, enforces rate
limits and answers in each provider's format.

Options:
  --host <host>            address to listen on (default 127.0.0.1)
  --port <port>            port to listen on, 0 for any free port (default 4010)
  --credentials <file>     JSON keys to accept (default: the demo pairs printed at start):
                           {"tencent":[{"secretId","secretKey","token"?,"sdkAppIds"?:{"<SdkAppId>":"<UserSig key>"},
                                        "callbacks"?:{"<SdkAppId>":{"url","key"?}}}],
                            "aws":[{"accessKeyId","secretAccessKey","token"?,"eventTarget"?}]}
                           (token: a temporary key's session token; callbacks, eventTarget: where events are posted)
  --auth <verify|off>      check TC3, v1 and SigV4 signatures and session tokens (default verify)
  --rate-limit <on|off>    enforce the specs' per-operation rate limits (default on)
  --latency <ms>           delay every provider answer by <ms> (default 0)
  --log-level <level>      debug | info | warn | error | silent (default warn; info adds the start line, debug every request)
  --cors <origin,…|*>      let pages on these origins (or any, *) call the provider routes from a browser:
                           answer preflights, add CORS headers; never for /_mock/ (default: no CORS)
  --docs <dir>             serve a built docs site (apps/docs/dist) at /docs/, where each operation's
                           "Try it" form signs and sends requests to this mock from the same origin

Control API (/_mock/: reset, tasks, journal, faults, clock; for test suites, not web pages):
  --control-host <name,…|*>  host names it answers besides loopback ones and --host (default: none)
  --control-token <token>    require "Authorization: Bearer <token>" on it (or VOICETASK_MOCK_CONTROL_TOKEN)

Limits (a positive number each; the defaults in parentheses):
${LIMIT_FLAGS.map(([flag, name, what]) => `  --${`${flag} <n>`.padEnd(27)}${what} (${DEFAULT_LIMITS[name]})`).join("\n")}

  -h, --help               show this help`;

export class UsageError extends Error {}

const oneOf = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got ${value})`);
  }
  return value as T;
};

const nonNegativeInt = (name: string, value: string, max: number): number => {
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UsageError(`--${name} must be an integer 0..${max}`);
  return Number(value);
};

const corsOrigins = (value: string) => {
  try {
    return parseCorsOrigins(value, "--cors");
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
};

const positive = (flag: string, value: string): number => {
  if (!/^\d+(\.\d+)?$/.test(value) || !(Number(value) > 0))
    throw new UsageError(`--${flag} must be a positive number`);
  return Number(value);
};

const controlHosts = (value: string): string[] => {
  const hosts = value.split(",").map((h) => h.trim());
  if (hosts.some((h) => h === "" || /[\s/]/.test(h)))
    throw new UsageError("--control-host takes host names, comma-separated, or *");
  return hosts;
};

/**
 * Parses the command line; `help` when -h was given. Throws UsageError on bad input. `env` gives the control
 * token when `--control-token` is absent (a token on the command line is visible to other local users).
 */
export function parseCliOptions(
  argv: string[],
  env: Record<string, string | undefined> = {},
): MockServerOptions | "help" {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values } = parsed;
  if (values.help) return "help";
  const limits: Partial<MockLimits> = {};
  for (const [flag, name] of LIMIT_FLAGS) {
    const value = values[flag as keyof typeof values];
    if (typeof value === "string") limits[name] = positive(flag, value);
  }
  const controlToken = values["control-token"] ?? env.VOICETASK_MOCK_CONTROL_TOKEN;
  if (controlToken !== undefined && controlToken.length < 8)
    throw new UsageError("--control-token must be at least 8 characters");
  return {
    host: values.host ?? "127.0.0.1",
    port: values.port === undefined ? 4010 : nonNegativeInt("port", values.port, 65535),
    ...(values.credentials !== undefined ? { credentials: values.credentials } : {}),
    auth: oneOf("auth", values.auth ?? "verify", ["verify", "off"] as const),
    rateLimit: oneOf("rate-limit", values["rate-limit"] ?? "on", ["on", "off"] as const) === "on",
    latencyMs: values.latency === undefined ? 0 : nonNegativeInt("latency", values.latency, 600_000),
    logLevel: oneOf<LogLevel>("log-level", values["log-level"] ?? "warn", LOG_LEVELS),
    ...(values.cors !== undefined ? { cors: corsOrigins(values.cors) } : {}),
    ...(values.docs !== undefined ? { docs: values.docs } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(values["control-host"] !== undefined ? { controlHosts: controlHosts(values["control-host"]) } : {}),
    ...(controlToken !== undefined ? { controlToken } : {}),
  };
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      credentials: { type: "string" },
      auth: { type: "string" },
      "rate-limit": { type: "string" },
      latency: { type: "string" },
      "log-level": { type: "string" },
      cors: { type: "string" },
      docs: { type: "string" },
      "control-host": { type: "string" },
      "control-token": { type: "string" },
      ...Object.fromEntries(LIMIT_FLAGS.map(([flag]) => [flag, { type: "string" as const }])),
      help: { type: "boolean", short: "h" },
    },
  });
}
