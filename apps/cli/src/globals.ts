import { UsageError } from "./usage-error.js";

export const OUTPUTS = ["json", "yaml", "table", "text"] as const;
export type OutputFormat = (typeof OUTPUTS)[number];

interface GlobalSpec {
  key: keyof GlobalOptions;
  takesValue: boolean;
  description: string;
  choices?: readonly string[];
}

/** Options every command accepts, anywhere on the line. */
export const GLOBAL_OPTIONS: Record<string, GlobalSpec> = {
  region: {
    key: "region",
    takesValue: true,
    description: "Region (TENCENTCLOUD_REGION / AWS_REGION, profile)",
  },
  profile: {
    key: "profile",
    takesValue: true,
    description: "Profile in the providers' files (default `default`)",
  },
  endpoint: {
    key: "endpoint",
    takesValue: true,
    description: "Base URL, e.g. a local mock (see README, Endpoints)",
  },
  "endpoint-url": { key: "endpoint", takesValue: true, description: "Alias of --endpoint" },
  site: { key: "site", takesValue: true, choices: ["intl", "cn"], description: "TRTC site: intl or cn" },
  output: {
    key: "output",
    takesValue: true,
    choices: OUTPUTS,
    description: "json (default), yaml, table, text",
  },
  query: { key: "query", takesValue: true, description: "JMESPath applied to the (unwrapped) response" },
  timeout: { key: "timeout", takesValue: true, description: "Per-attempt timeout in seconds (default 60)" },
  "no-retry": { key: "noRetry", takesValue: false, description: "Send once; never retry" },
  "dry-run": {
    key: "dryRun",
    takesValue: false,
    description: "Validate, sign and print the request; send nothing",
  },
  debug: {
    key: "debug",
    takesValue: false,
    description: "Trace requests and responses on stderr (redacted)",
  },
  "cli-input-json": {
    key: "cliInputJson",
    takesValue: true,
    description: "Read input from a JSON file or - (stdin)",
  },
  "generate-cli-skeleton": {
    key: "generateCliSkeleton",
    takesValue: false,
    description: "Print a JSON input skeleton",
  },
  wait: { key: "wait", takesValue: false, description: "After start/stop, wait for the task to run/stop" },
  "wait-timeout": {
    key: "waitTimeout",
    takesValue: true,
    description: "Waiter timeout in seconds (default 120)",
  },
  "wait-interval": {
    key: "waitInterval",
    takesValue: true,
    description: "Waiter poll interval in seconds (default 2)",
  },
  help: { key: "help", takesValue: false, description: "Show help" },
  version: { key: "version", takesValue: false, description: "Print the version" },
};

export interface GlobalOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  site?: string;
  output?: string;
  query?: string;
  timeout?: string;
  noRetry?: boolean;
  dryRun?: boolean;
  debug?: boolean;
  cliInputJson?: string;
  generateCliSkeleton?: boolean;
  wait?: boolean;
  waitTimeout?: string;
  waitInterval?: string;
  help?: boolean;
  version?: boolean;
}

export interface SplitArgs {
  globals: GlobalOptions;
  /** Words before the first command-specific option: `trtc stop-ai-conversation`. */
  words: string[];
  /** Command-specific options and their values, in order. */
  rest: string[];
}

/** Takes the global options out of argv (wherever they are) and splits the rest into words and options. */
export function splitArgs(argv: readonly string[]): SplitArgs {
  const globals: GlobalOptions = {};
  const words: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "-h") {
      globals.help = true;
      continue;
    }
    if (token.startsWith("--")) {
      const eq = token.indexOf("=");
      const name = eq > 0 ? token.slice(2, eq) : token.slice(2);
      const spec = GLOBAL_OPTIONS[name];
      if (spec) {
        if (!spec.takesValue) {
          if (eq > 0) throw new UsageError(`--${name} takes no value`);
          (globals as Record<string, unknown>)[spec.key] = true;
          continue;
        }
        const value = eq > 0 ? token.slice(eq + 1) : argv[++i];
        if (value === undefined || (eq < 0 && value.startsWith("--"))) {
          throw new UsageError(`--${name}: requires a value`);
        }
        if (spec.choices && !spec.choices.includes(value)) {
          throw new UsageError(`--${name}: must be one of ${spec.choices.join(", ")}`);
        }
        (globals as Record<string, unknown>)[spec.key] = value;
        continue;
      }
    }
    if (rest.length === 0 && !token.startsWith("-")) words.push(token);
    else rest.push(token);
  }
  return { globals, words, rest };
}

/** A positive number of seconds from a flag, or the default. */
export function seconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag}: must be a positive number of seconds`);
  return n;
}
