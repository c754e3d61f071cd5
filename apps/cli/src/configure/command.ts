import { createInterface } from "node:readline";
import { type CommandContext, noExtra } from "../commands/registry.js";
import { type GlobalOptions, OUTPUTS } from "../globals.js";
import type { Io } from "../io.js";
import { mask } from "../redact.js";
import { UsageError } from "../usage-error.js";
import { findKey, getValue, KEYS, type KeyDef, setValues } from "./keys.js";

export const CONFIGURE_HELP = `voicetask configure: write credentials and defaults to the providers' standard files (mode 0600).

Usage:
  voicetask configure [--profile <name>]             interactive: provider, keys, region, output
  voicetask configure set <key> <value> [--profile <name>]
  voicetask configure get <key> [--profile <name>]     (credentials are shown masked)
  voicetask configure list [--profile <name>]          (credentials are shown masked: ****abcd)

Files: Tencent ~/.tccli/<profile>.credential and ~/.tccli/<profile>.configure (tccli's format);
       AWS ~/.aws/credentials and ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE honoured).

Keys:
${KEYS.map((k) => `  ${k.key}`).join("\n")}
  tencent.sdkSecretKey.<SdkAppId>   (TRTC application key for \`voicetask trtc usersig\`)`;

const profileOf = (globals: GlobalOptions, env: NodeJS.ProcessEnv, provider?: "tencent" | "aws") =>
  globals.profile ??
  (provider === "aws" ? env.AWS_PROFILE : provider === "tencent" ? env.TCCLI_PROFILE : undefined) ??
  "default";

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
export async function runConfigure({ io, globals, words, rest }: CommandContext): Promise<number> {
  noExtra(rest);
  const [sub, key, value, ...extra] = words;
  if (globals.help) {
    io.out(CONFIGURE_HELP);
    return 0;
  }
  if (sub === "set") {
    const def = keyOrThrow(key);
    if (value === undefined || extra.length)
      throw new UsageError("usage: voicetask configure set <key> <value>");
    checkValue(def, value);
    const written = await setValues(io.env, profileOf(globals, io.env, def.provider), [[def, value]]);
    io.err(`Wrote ${written.join(", ")} (mode 0600)`);
    return 0;
  }
  if (sub === "get") {
    const def = keyOrThrow(key);
    const v = await getValue(io.env, profileOf(globals, io.env, def.provider), def);
    if (v === undefined) return 1;
    io.out(def.masked ? mask(v) : v);
    return 0;
  }
  if (sub === "list") {
    const rows: string[] = [];
    for (const def of KEYS) {
      const profile = profileOf(globals, io.env, def.provider);
      const v = await getValue(io.env, profile, def);
      rows.push(
        `${def.key.padEnd(28)}${(v === undefined ? "<not set>" : def.masked ? mask(v) : v).padEnd(28)}profile ${profile}`,
      );
    }
    io.out(rows.join("\n"));
    return 0;
  }
  if (sub !== undefined) throw new UsageError(`unknown configure command '${sub}'`, "Use set, get or list.");
  return interactive(io, globals);
}

/** Prompts line by line (works on a terminal and on piped input); Enter keeps the current value. */
async function interactive(io: Io, globals: GlobalOptions): Promise<number> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: !!process.stdin.isTTY,
  });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (
    question: string,
    current: string | undefined,
    masked: boolean,
  ): Promise<string | undefined> => {
    process.stdout.write(
      `${question} [${current === undefined ? "None" : masked ? mask(current) : current}]: `,
    );
    const next = await lines.next();
    if (next.done) throw new UsageError("configure: input ended before all questions were answered");
    const answer = String(next.value).trim();
    return answer === "" ? current : answer;
  };
  try {
    io.out(`voicetask configure: Enter keeps the value in [brackets].`);
    const providerAnswer = (await ask("Provider (tencent or aws)", "tencent", false))!.toLowerCase();
    const provider = providerAnswer === "aws" || providerAnswer === "tencent" ? providerAnswer : undefined;
    if (!provider)
      throw new UsageError(`configure: provider must be tencent or aws, not '${providerAnswer}'`);
    const profile = profileOf(globals, io.env, provider);
    const questions = KEYS.filter((k) => k.provider === provider && !/token|endpoint/.test(k.key));
    const values: [KeyDef, string][] = [];
    for (const def of questions) {
      const current =
        (await getValue(io.env, profile, def)) ?? (def.key.endsWith(".output") ? "json" : undefined);
      const answer = await ask(def.prompt, current, def.masked);
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
