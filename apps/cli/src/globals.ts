import { UsageError } from "./usage-error.js";

export const OUTPUTS = ["json", "yaml", "table", "text"] as const;
export type OutputFormat = (typeof OUTPUTS)[number];

/** Which keys sign a service's requests (the generated index's `credentials`). */
export type CredentialsKind = "tencent" | "aws";

interface GlobalSpec {
  key: keyof GlobalOptions;
  takesValue: boolean;
  /** One line for help; per credentials kind (and at the root) when the services differ (`--region`'s variables). */
  description: string | Record<CredentialsKind | "root", string>;
  /** The values it takes: checked when read, offered by completion. */
  choices?: readonly string[];
  /** Only for the services signed with these keys (`--site`: Tencent Cloud's sites). */
  only?: CredentialsKind;
  /** The service's regions (from its model) are offered by completion and listed by help. */
  regions?: true;
}

/** Options every command accepts, anywhere on the line. */
export const GLOBAL_OPTIONS: Record<string, GlobalSpec> = {
  region: {
    key: "region",
    takesValue: true,
    regions: true,
    description: {
      root: "Region (each service's help names where else it is read from)",
      tencent: "Region; else TENCENTCLOUD_REGION, else the profile's region (~/.tccli/<profile>.configure)",
      aws: "Region; else AWS_REGION, AWS_DEFAULT_REGION, else the profile's region (~/.aws/config)",
    },
  },
  profile: {
    key: "profile",
    takesValue: true,
    description: {
      root: "Profile in the providers' files (default `default`)",
      tencent: "Profile in tccli's files (default TCCLI_PROFILE, else `default`)",
      aws: "Profile in the AWS files (default AWS_PROFILE, else `default`)",
    },
  },
  endpoint: {
    key: "endpoint",
    takesValue: true,
    description: {
      root: "Base URL, e.g. a local mock (each service's help names where else it is read from)",
      tencent: "Base URL, e.g. a local mock; else VOICETASK_TRTC_ENDPOINT, else the profile's trtc.endpoint",
      aws: "Base URL, e.g. a local mock; else AWS_ENDPOINT_URL_CHIME_SDK_VOICE, AWS_ENDPOINT_URL, else the profile's endpoint_url",
    },
  },
  "endpoint-url": { key: "endpoint", takesValue: true, description: "Alias of --endpoint" },
  site: {
    key: "site",
    takesValue: true,
    choices: ["intl", "cn"],
    only: "tencent",
    description: "Tencent Cloud site: intl (trtc.intl.tencentcloudapi.com, default) or cn",
  },
  output: {
    key: "output",
    takesValue: true,
    choices: OUTPUTS,
    description: "Output format: json (default, or the profile's), yaml, table, text",
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
    description: "Read the input from a JSON file (FILE or file://FILE) or - (stdin); flags override it",
  },
  "generate-cli-skeleton": {
    key: "generateCliSkeleton",
    takesValue: false,
    description: "Print a JSON input with every field, valid as it is, for --cli-input-json",
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

/** A global option as help and completion show it under a service (or at the root, with no service). */
export interface GlobalFlag {
  flag: string;
  takesValue: boolean;
  description: string;
  /** Values completion offers: the choices, or the service's regions. */
  values: readonly string[];
  /** What help shows after the flag: `<json|yaml|table|text>`, `<region>`, `<value>`; empty for a switch. */
  placeholder: string;
}

/**
 * The global options that apply under a service signed with `kind` keys (all of them at the root), described for
 * it: `--site` only for Tencent Cloud, `--region` naming that provider's variables and offering `regions`.
 */
export function globalFlags(
  kind: CredentialsKind | undefined,
  regions: readonly string[] = [],
): GlobalFlag[] {
  return Object.entries(GLOBAL_OPTIONS)
    .filter(([, spec]) => !spec.only || !kind || spec.only === kind)
    .map(([flag, spec]) => ({
      flag,
      takesValue: spec.takesValue,
      description: typeof spec.description === "string" ? spec.description : spec.description[kind ?? "root"],
      values: spec.choices ?? (spec.regions ? regions : []),
      placeholder: !spec.takesValue
        ? ""
        : spec.choices
          ? `<${spec.choices.join("|")}>`
          : spec.regions
            ? "<region>"
            : "<value>",
    }));
}

/** A global option given under a service it does not apply to (`--site` with Chime). */
export function checkGlobalsFor(kind: CredentialsKind, serviceName: string, globals: GlobalOptions): void {
  for (const [flag, spec] of Object.entries(GLOBAL_OPTIONS)) {
    if (spec.only && spec.only !== kind && globals[spec.key] !== undefined)
      throw new UsageError(`--${flag}: not an option of ${serviceName}`);
  }
}

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
