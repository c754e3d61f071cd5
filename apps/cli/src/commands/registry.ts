import type { GlobalOptions } from "../globals.js";
import type { Io } from "../io.js";
import type { Field } from "../schema/operation-module.js";
import { type ServiceEntry, services } from "../services.js";
import { UsageError } from "../usage-error.js";

// The commands of `voicetask` as data. A service's operations and waiters come from the generated index (the
// models); the hand-written commands are listed here, once: dispatch (main.ts), help (help.ts) and completion
// (completion.ts) read this list and nothing else.

/** What a command gets when it runs. */
export interface CommandContext {
  io: Io;
  globals: GlobalOptions;
  /** The service it runs under (`voicetask trtc usersig`), none for a root command. */
  service: ServiceEntry | undefined;
  /** Its own entry (its help is made from it). */
  command: CommandDef;
  /** The words after its name (`configure set <key> <value>`: set, key, value). */
  words: string[];
  /** Its options and their values, in order (global options already taken out). */
  rest: string[];
  version: string;
}

/** Runs a command; answers the exit code (see exit-codes.ts). */
export type CommandRunner = (ctx: CommandContext) => Promise<number>;

/** A word that may follow a command's name: `configure set`, `completion bash`, `wait task-running`. */
export interface WordDef {
  name: string;
  /** One line for help. */
  help: string;
  /** What follows the word in a usage line (`set <key> <value>`); a word without it has no usage line of its own. */
  usage?: string;
}

export interface CommandDef {
  name: string;
  /** `root`: typed as `voicetask <name>`; `service`: as `voicetask <service> <name>`. */
  scope: "root" | "service";
  /** A service command of these services only (their CLI words); default every service. */
  services?: readonly string[];
  /** What follows the name in a usage line; none when a word must follow (each word then has its own). */
  usage?: string;
  /** One line for help. */
  summary: string;
  /** Paragraphs for its own help, after the usage. */
  details?: string;
  /** The words that may follow the name (completion offers them; a service's help lists one row per word). */
  words(service: ServiceEntry | undefined): readonly WordDef[];
  /** Its options, as an operation's fields are (name, flag, schema: its type, enum and description). */
  flags: readonly Field[];
  /** Loads the code that runs it: each command loads only its own module (see tsdown.config.ts). */
  load(): Promise<CommandRunner>;
}

const text = (description: string, extra: Record<string, unknown> = {}) => ({
  type: "string",
  minLength: 1,
  description,
  ...extra,
});

/** The options of `voicetask trtc usersig`; usersig.ts reads and validates them. */
export const USERSIG_FLAGS: readonly Field[] = [
  {
    name: "SdkAppId",
    flag: "sdk-app-id",
    required: true,
    schema: { type: "integer", minimum: 1, description: "The TRTC SdkAppId" },
  },
  {
    name: "UserId",
    flag: "user-id",
    required: true,
    schema: text("The user (or bot) id the UserSig is for"),
  },
  {
    name: "Expire",
    flag: "expire",
    required: false,
    schema: { type: "integer", minimum: 1, description: "Validity in seconds (default 180 days)" },
  },
  {
    name: "SecretKeyEnv",
    flag: "secret-key-env",
    required: false,
    schema: text("Environment variable holding the SDKSecretKey (default TRTC_SDK_SECRET_KEY)"),
  },
];

/** The options of `voicetask trtc callbacks listen` and `voicetask chime-sdk-voice events listen`. */
export const LISTEN_FLAGS: readonly Field[] = [
  {
    name: "Port",
    flag: "port",
    required: false,
    schema: {
      type: "integer",
      minimum: 0,
      maximum: 65535,
      description: "Port to listen on (default 4020; 0 picks a free one, printed at start)",
    },
  },
  {
    name: "Host",
    flag: "host",
    required: false,
    schema: text("Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"),
  },
  {
    name: "ForwardTo",
    flag: "forward-to",
    required: false,
    schema: text(
      "Also send each request, as received (same body bytes and headers), to this URL, e.g. your own handler; its answer is the sender's answer",
      { format: "uri", pattern: "^https?://" },
    ),
  },
];

/** `--key-env`: TRTC signs its callbacks, EventBridge does not sign its events. */
export const KEY_ENV_FLAG: Field = {
  name: "KeyEnv",
  flag: "key-env",
  required: false,
  schema: text("Environment variable holding the application's callback key (default TRTC_CALLBACK_KEY)"),
};

const LISTEN_DETAILS = `Prints one line per request (\`--output json\`: one JSON object per line) on stdout and the address it listens on on stderr. Runs until interrupted (Ctrl-C).`;

/** The shells `voicetask completion` writes a script for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

/** Every hand-written command, in the order help lists them. */
export const COMMANDS: readonly CommandDef[] = [
  {
    name: "wait",
    scope: "service",
    usage: "<waiter> [--flags]",
    summary: "Poll until a task reaches a state",
    words: (service) => (service?.waiters ?? []).map((w) => ({ name: w.cliName, help: w.description })),
    flags: [],
    load: () => import("./wait.js").then((m) => m.runWait),
  },
  {
    name: "usersig",
    scope: "service",
    services: ["trtc"],
    usage: "--sdk-app-id <id> --user-id <id> [--expire <seconds>] [--secret-key-env <NAME>]",
    summary: "Generate the UserSig a bot needs to join a room, e.g. for AgentConfig.UserSig",
    details: `The application's SDKSecretKey (not a Cloud API key) is read from the environment variable TRTC_SDK_SECRET_KEY (or the one named by --secret-key-env), else from the profile: \`voicetask configure set tencent.sdkSecretKey.<SdkAppId> <key>\` stores it in ~/.tccli/<profile>.credential (mode 0600).

Prints the UserSig alone; with --output json, yaml, table or text an object with SdkAppId, UserId, ExpireSeconds and UserSig (--query picks from it).

Example: TRTC_SDK_SECRET_KEY=... voicetask trtc usersig --sdk-app-id 1400000001 --user-id robot_1`,
    words: () => [],
    flags: USERSIG_FLAGS,
    load: () => import("./usersig.js").then((m) => m.runUserSig),
  },
  {
    name: "callbacks",
    scope: "service",
    services: ["trtc"],
    summary: "Receive the AI conversation callbacks TRTC posts (or the mock does), checking their Sign",
    details: `A local receiver for the callback URL of a TRTC application: each POST is checked against its Sign header with the application's callback key (HMAC-SHA256 of the body), read against the spec and answered 200; a wrong Sign is answered 401 and shown as such. ${LISTEN_DETAILS}`,
    words: () => [
      {
        name: "listen",
        help: "Listen for callbacks on a local port, verify them and print one line per event",
        usage: "[--port <port>] [--key-env <NAME>] [--forward-to <URL>]",
      },
    ],
    flags: [...LISTEN_FLAGS, KEY_ENV_FLAG],
    load: () =>
      import("../listen/server.js").then((m) =>
        m.listenCommand(() => import("../listen/trtc-callbacks.js").then((r) => r.trtcCallbacks)),
      ),
  },
  {
    name: "events",
    scope: "service",
    services: ["chime-sdk-voice"],
    summary: "Receive the speaker-search events EventBridge delivers (or the mock does)",
    details: `A local receiver for an EventBridge API destination (or an SNS HTTP subscription): each POSTed event is read against the spec and answered 200. EventBridge does not sign its events, so there is no key. ${LISTEN_DETAILS}`,
    words: () => [
      {
        name: "listen",
        help: "Listen for events on a local port and print one line per event",
        usage: "[--port <port>] [--forward-to <URL>]",
      },
    ],
    flags: LISTEN_FLAGS,
    load: () =>
      import("../listen/server.js").then((m) =>
        m.listenCommand(() => import("../listen/chime-events.js").then((r) => r.chimeEvents)),
      ),
  },
  {
    name: "configure",
    scope: "root",
    usage: "[--profile <name>]",
    summary: "Write credentials and defaults to the providers' files",
    details:
      "Without a command it asks for the provider, the keys (the secret is not shown while typed), the region and the output format, and writes the providers' own files with mode 0600: Tencent ~/.tccli/<profile>.credential and ~/.tccli/<profile>.configure (tccli's format); AWS ~/.aws/credentials and ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE are honoured).",
    words: () => [
      { name: "set", help: "Set one key", usage: "<key> <value> [--profile <name>]" },
      {
        name: "get",
        help: "Print one key's stored value (credentials masked)",
        usage: "<key> [--profile <name>]",
      },
      {
        name: "list",
        help: "Print every key's effective value and where it comes from (credentials masked)",
        usage: "[--profile <name>]",
      },
    ],
    flags: [
      {
        name: "profile",
        flag: "profile",
        required: false,
        schema: text("Profile in the providers' files (default TCCLI_PROFILE / AWS_PROFILE, else `default`)"),
      },
    ],
    load: () => import("../configure/command.js").then((m) => m.runConfigure),
  },
  {
    name: "completion",
    scope: "root",
    usage: SHELLS.join("|"),
    summary: "Print a shell completion script",
    details:
      "bash: `source <(voicetask completion bash)` (or save it in /etc/bash_completion.d); zsh: `source <(voicetask completion zsh)`; fish: `voicetask completion fish | source`.",
    words: () => SHELLS.map((shell) => ({ name: shell, help: `Completion for ${shell}` })),
    flags: [],
    load: () => import("./completion.js").then((m) => m.runCompletion),
  },
];

export const rootCommands = (): CommandDef[] => COMMANDS.filter((c) => c.scope === "root");

/** The hand-written commands under one service (its operations come from the generated index). */
export function serviceCommands(service: ServiceEntry): CommandDef[] {
  return COMMANDS.filter((c) => c.scope === "service" && (!c.services || c.services.includes(service.name)));
}

/** The words `voicetask` accepts first: every service, then the root commands. */
export const topWords = (): string[] => [
  ...services.map((s) => s.name),
  ...rootCommands().map((c) => c.name),
];

/** A usage error for words or options a command does not take. */
export function noExtra(...lists: readonly string[][]): void {
  const extra = lists.flat();
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
}
