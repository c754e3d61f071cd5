import { paths, readJsonFile } from "../configure/files.js";
import { MissingCredentialsError } from "../credentials-error.js";
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

export const USERSIG_HELP = `voicetask trtc usersig: generate a TRTC UserSig (tls-sig-api-v2), e.g. for AgentConfig.UserSig.

Usage:
  voicetask trtc usersig --sdk-app-id <integer> --user-id <string> [--expire <seconds>] [--secret-key-env <NAME>]

The application's SDKSecretKey (not a Cloud API key) is read from the environment variable TRTC_SDK_SECRET_KEY
(or the one named by --secret-key-env), else from the profile: \`voicetask configure set
tencent.sdkSecretKey.<SdkAppId> <key>\` stores it in ~/.tccli/<profile>.credential (mode 0600).

Example:
  TRTC_SDK_SECRET_KEY=... voicetask trtc usersig --sdk-app-id 1400000001 --user-id robot_1`;

/** `voicetask trtc usersig --sdk-app-id … --user-id …`. */
export async function runUserSig({ io, globals, words, rest }: CommandContext): Promise<number> {
  noExtra(words);
  if (globals.help) {
    io.out(USERSIG_HELP);
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
      `No SDKSecretKey for SdkAppId ${sdkAppId}. Looked for: environment ${envName}; profile key tencent.sdkSecretKey.${sdkAppId}`,
    );
  }
  sessionSecrets.push(secretKey);
  const { genUserSig } = await import("@voicetask/trtc/usersig");
  io.out(
    genUserSig({
      sdkAppId,
      secretKey,
      userId: input.UserId as string,
      ...(input.Expire ? { expireSeconds: input.Expire as number } : {}),
    }),
  );
  return 0;
}
