import { parseArgs } from "node:util";
import { parseCorsOrigins } from "./http/cors.js";
import { LOG_LEVELS, type LogLevel } from "./logger.js";
import type { MockServerOptions } from "./server.js";

export const USAGE = `Usage: voicetask-mock [options]

A stateful local TRTC + Chime SDK Voice service: TRTC on / (Tencent Cloud API 3.0: TC3 POST or GET, signature v1),
Chime SDK Voice on its REST paths, the control API under /_mock/. It checks signatures, validates input against the specs, enforces rate
limits and answers in each provider's format.

Options:
  --host <host>            address to listen on (default 127.0.0.1)
  --port <port>            port to listen on, 0 for any free port (default 4010)
  --credentials <file>     JSON keys to accept (default: the demo pairs printed at start):
                           {"tencent":[{"secretId","secretKey","token"?,"sdkAppIds"?:{"<SdkAppId>":"<UserSig key>"}}],
                            "aws":[{"accessKeyId","secretAccessKey","token"?}]}  (token: a temporary key's session token)
  --auth <verify|off>      check TC3, v1 and SigV4 signatures and session tokens (default verify)
  --rate-limit <on|off>    enforce the specs' per-operation rate limits (default on)
  --latency <ms>           delay every provider answer by <ms> (default 0)
  --log-level <level>      debug | info | warn | error | silent (default warn; info adds the start line, debug every request)
  --cors <origin,…|*>      let pages on these origins (or any, *) call the provider routes from a browser:
                           answer preflights, add CORS headers; never for /_mock/ (default: no CORS)
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

/** Parses the command line; `help` when -h was given. Throws UsageError on bad input. */
export function parseCliOptions(argv: string[]): MockServerOptions | "help" {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values } = parsed;
  if (values.help) return "help";
  return {
    host: values.host ?? "127.0.0.1",
    port: values.port === undefined ? 4010 : nonNegativeInt("port", values.port, 65535),
    ...(values.credentials !== undefined ? { credentials: values.credentials } : {}),
    auth: oneOf("auth", values.auth ?? "verify", ["verify", "off"] as const),
    rateLimit: oneOf("rate-limit", values["rate-limit"] ?? "on", ["on", "off"] as const) === "on",
    latencyMs: values.latency === undefined ? 0 : nonNegativeInt("latency", values.latency, 600_000),
    logLevel: oneOf<LogLevel>("log-level", values["log-level"] ?? "warn", LOG_LEVELS),
    ...(values.cors !== undefined ? { cors: corsOrigins(values.cors) } : {}),
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
      help: { type: "boolean", short: "h" },
    },
  });
}
