import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { type CommandContext, noExtra } from "../commands/registry.js";
import { type GlobalOptions, OUTPUTS } from "../globals.js";
import { commandHelp } from "../help.js";
import { helpWidth, type Io } from "../io.js";
import { columns } from "../layout.js";
import { mask } from "../redact.js";
import { UsageError } from "../usage-error.js";
import { effectiveRows, type Profiles } from "./effective.js";
import { findKey, getValue, KEYS, type KeyDef, setValues } from "./keys.js";

/** The keys section of `voicetask configure --help`: the names `set`, `get` and `list` take. */
function keysHelp(width: number): string {
  const rows: [string, string][] = KEYS.map((k) => [
    k.key,
    `${k.about}${k.env?.length ? `; overridden by ${k.env.join(", ")}` : ""}`,
  ]);
  rows.push([
    "tencent.sdkSecretKey.<SdkAppId>",
    "SDKSecretKey of a TRTC application, for `voicetask trtc usersig`; overridden by TRTC_SDK_SECRET_KEY",
  ]);
  return `Keys:\n${columns(rows, width)}`;
}

const profileOf = (globals: GlobalOptions, env: NodeJS.ProcessEnv, provider: "tencent" | "aws") => {
  const variable = provider === "aws" ? "AWS_PROFILE" : "TCCLI_PROFILE";
  if (globals.profile) return { name: globals.profile, source: "--profile" };
  if (env[variable]) return { name: env[variable]!, source: `env ${variable}` };
  return { name: "default", source: "default" };
};

function keyOrThrow(key: string | undefined): KeyDef {
  const def = key ? findKey(key) : undefined;
  if (!def)
    throw new UsageError(
      key ? `unknown key '${key}'` : "which key?",
      "See `voicetask configure --help` for the keys.",
    );
  return def;
}

function checkValue(def: KeyDef, value: string): void {
  if (def.path[def.path.length - 1] === "output" && !(OUTPUTS as readonly string[]).includes(value)) {
    throw new UsageError(`${def.key}: must be one of ${OUTPUTS.join(", ")}`);
  }
}

/** `voicetask configure [set <key> <value> | get <key> | list]`. */
export async function runConfigure({ io, globals, command, words, rest }: CommandContext): Promise<number> {
  noExtra(rest);
  const [sub, key, value, ...extra] = words;
  if (globals.help) {
    const width = helpWidth(io);
    io.out(commandHelp(command, undefined, width, keysHelp(width)));
    return 0;
  }
  if (sub === "set") {
    const def = keyOrThrow(key);
    if (value === undefined || extra.length)
      throw new UsageError("usage: voicetask configure set <key> <value>");
    checkValue(def, value);
    const written = await setValues(io.env, profileOf(globals, io.env, def.provider).name, [[def, value]]);
    io.err(`Wrote ${written.join(", ")} (mode 0600)`);
    return 0;
  }
  if (sub === "get") {
    const def = keyOrThrow(key);
    noExtra(words.slice(2));
    const v = await getValue(io.env, profileOf(globals, io.env, def.provider).name, def);
    if (v === undefined) return 1;
    io.out(def.masked ? mask(v) : v);
    return 0;
  }
  if (sub === "list") {
    noExtra(words.slice(1));
    const profiles: Profiles = {
      tencent: profileOf(globals, io.env, "tencent"),
      aws: profileOf(globals, io.env, "aws"),
    };
    const rows = await effectiveRows(io.env, profiles);
    const table = [
      ["Name", "Value", "Source"],
      ["----", "-----", "------"],
      ...rows.map((r) => [r.key, r.value, r.source]),
    ];
    const widths = [0, 1].map((i) => Math.max(...table.map((r) => r[i]!.length)));
    io.out(
      table
        .map((r) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`.trimEnd())
        .join("\n"),
    );
    return 0;
  }
  if (sub !== undefined) throw new UsageError(`unknown configure command '${sub}'`, "Use set, get or list.");
  return interactive(io, globals);
}

/**
 * The terminal output of the questions: muted while a secret is typed, so that neither the keys typed nor
 * readline's redrawing of the line reach the screen.
 */
class PromptOutput extends Writable {
  muted = false;
  readonly isTTY = true;
  get columns() {
    return process.stdout.columns;
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.muted) done();
    else process.stdout.write(chunk, done);
  }
}

/**
 * Prompts line by line (on a terminal and with piped answers alike); Enter keeps the current value. On a
 * terminal a secret is not shown while it is typed.
 */
async function interactive(io: Io, globals: GlobalOptions): Promise<number> {
  const tty = !!process.stdin.isTTY;
  const output = new PromptOutput();
  const rl = createInterface({ input: process.stdin, output: tty ? output : process.stdout, terminal: tty });
  // Ctrl-C ends the command at once, writing nothing (readline would only pause).
  rl.on("SIGINT", () => {
    output.muted = false;
    process.stdout.write("\n");
    process.exit(130);
  });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (
    def: { prompt: string; masked: boolean; secret?: boolean },
    current: string | undefined,
  ) => {
    const question = `${def.prompt} [${current === undefined ? "None" : def.masked ? mask(current) : current}]: `;
    const hidden = tty && !!def.secret;
    if (tty && !hidden) {
      rl.setPrompt(question);
      rl.prompt();
    } else {
      process.stdout.write(question);
      rl.setPrompt("");
    }
    output.muted = hidden;
    const next = await lines.next();
    output.muted = false;
    if (hidden) process.stdout.write("\n");
    if (next.done) throw new UsageError("configure: input ended before all questions were answered");
    const answer = String(next.value).trim();
    return answer === "" ? current : answer;
  };
  try {
    io.out("voicetask configure: Enter keeps the value in [brackets]; secrets are not shown while typed.");
    const providerAnswer = (await ask(
      { prompt: "Provider (tencent or aws)", masked: false },
      "tencent",
    ))!.toLowerCase();
    const provider = providerAnswer === "aws" || providerAnswer === "tencent" ? providerAnswer : undefined;
    if (!provider)
      throw new UsageError(`configure: provider must be tencent or aws, not '${providerAnswer}'`);
    const profile = profileOf(globals, io.env, provider).name;
    const questions = KEYS.filter((k) => k.provider === provider && !/token|endpoint/.test(k.key));
    const values: [KeyDef, string][] = [];
    for (const def of questions) {
      const current = (await getValue(io.env, profile, def)) ?? def.fallback;
      const answer = await ask(def, current);
      if (answer !== undefined) {
        checkValue(def, answer);
        values.push([def, answer]);
      }
    }
    const written = await setValues(io.env, profile, values);
    io.out(`Wrote ${written.join(" and ")} (mode 0600, profile ${profile}).`);
    return 0;
  } finally {
    rl.close();
  }
}
