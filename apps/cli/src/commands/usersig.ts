import { paths, readJsonFile } from "../configure/files.js";
import { MissingCredentialsError } from "../credentials-error.js";
import type { OutputFormat } from "../globals.js";
import { commandHelp } from "../help.js";
import { helpWidth } from "../io.js";
import { render } from "../output/format.js";
import { applyQuery } from "../output/query.js";
import { sessionSecrets } from "../redact.js";
import { parseOperationFlags } from "../schema/input.js";
import type { JsonSchema } from "../schema/json-schema.js";
import { validateInput } from "../schema/validate.js";
import { UsageError } from "../usage-error.js";
import { type CommandContext, noExtra, USERSIG_FLAGS } from "./registry.js";

const SCHEMA: JsonSchema = {
  type: "object",
  required: USERSIG_FLAGS.filter((f) => f.required).map((f) => f.name),
  properties: Object.fromEntries(USERSIG_FLAGS.map((f) => [f.name, f.schema])),
  additionalProperties: false,
};

/** Tencent's tools default to 180 days. */
const DEFAULT_EXPIRE_SECONDS = 180 * 24 * 3600;

/**
 * `voicetask trtc usersig --sdk-app-id … --user-id …`: the UserSig alone (for `$(…)`), or, with an explicit
 * `--output`, an object in that format. A profile's default output does not apply: scripts read the bare value.
 */
export async function runUserSig({
  io,
  globals,
  service,
  command,
  words,
  rest,
}: CommandContext): Promise<number> {
  noExtra(words);
  if (globals.help) {
    io.out(commandHelp(command, service, helpWidth(io)));
    return 0;
  }
  const input = parseOperationFlags(USERSIG_FLAGS, rest);
  const problems = await validateInput(SCHEMA, input);
  if (problems.length) throw new UsageError(problems.join("\n"), "See `voicetask trtc usersig --help`.");
  const sdkAppId = input.SdkAppId as number;
  const envName = (input.SecretKeyEnv as string | undefined) ?? "TRTC_SDK_SECRET_KEY";
  let secretKey = io.env[envName]?.trim();
  if (!secretKey) {
    const profile = globals.profile ?? io.env.TCCLI_PROFILE ?? "default";
    const file = await readJsonFile(paths(io.env, profile).tccliCredential);
    const keys = (file.sdkSecretKeys ?? {}) as Record<string, string>;
    secretKey = keys[String(sdkAppId)];
  }
  if (!secretKey) {
    throw new MissingCredentialsError(
      `No SDKSecretKey for SdkAppId ${sdkAppId}: set ${envName}, or store it in the profile with \`voicetask configure set tencent.sdkSecretKey.${sdkAppId} <key>\``,
    );
  }
  sessionSecrets.push(secretKey);
  const { genUserSig } = await import("@voicetask/trtc/usersig");
  const expireSeconds = (input.Expire as number | undefined) ?? DEFAULT_EXPIRE_SECONDS;
  const userSig = genUserSig({ sdkAppId, secretKey, userId: input.UserId as string, expireSeconds });
  // Without --output (or --query), the bare value; else the object in the format asked (text for a query).
  const format = (globals.output ?? (globals.query ? "text" : undefined)) as OutputFormat | undefined;
  if (!format) {
    io.out(userSig);
    return 0;
  }
  const result = { SdkAppId: sdkAppId, UserId: input.UserId, ExpireSeconds: expireSeconds, UserSig: userSig };
  const text = await render(await applyQuery(result, globals.query), format);
  if (text) io.out(text);
  return 0;
}
