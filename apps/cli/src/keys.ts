import type { AwsCredentials, Tc3Credentials } from "@voicetask/core";
import { paths } from "./configure/files.js";
import { MissingCredentialsError } from "./credentials-error.js";
import { sessionSecrets } from "./redact.js";

// A service's keys from core's Node chain (environment, then the providers' profile files), for a real call and
// for a dry run alike. Their secret values join the list scrubbed from everything printed.

export interface Keys<C> {
  credentials: C;
  /** The secret values among them (key, token), for scrubbing. */
  secrets: (string | undefined)[];
}

const loadCore = () => import("@voicetask/core/node");

function remember<C>(credentials: C, secrets: (string | undefined)[]): Keys<C> {
  for (const s of secrets) if (s) sessionSecrets.push(s);
  return { credentials, secrets };
}

/**
 * Core's "none found" error lists its sources as a library sees them (`the credentials option`, …); a CLI user
 * sets variables, profiles and flags. Other credential errors (one half of a pair missing, a file that is not
 * JSON) already name the variable or the file, and pass as they are.
 */
function inCliTerms(
  error: unknown,
  kind: "tencent" | "aws",
  env: NodeJS.ProcessEnv,
  profile: string,
): unknown {
  const e = error as { name?: string; message?: string };
  if (e?.name !== "CredentialsError" || !/^No .* credentials found/.test(e.message ?? "")) return error;
  if (kind === "tencent") {
    const file = paths(env, profile).tccliCredential;
    return new MissingCredentialsError(
      `No Tencent Cloud credentials found: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or store them in profile '${profile}' with \`voicetask configure\` (${file}; ~/.tencentcloud/credentials is read too); choose the profile with --profile or TCCLI_PROFILE.`,
    );
  }
  const file = paths(env, profile).awsCredentials;
  return new MissingCredentialsError(
    `No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or store them in profile '${profile}' with \`voicetask configure\` (${file}); choose the profile with --profile or AWS_PROFILE.`,
  );
}

export async function tencentKeys(env: NodeJS.ProcessEnv, profile: string): Promise<Keys<Tc3Credentials>> {
  const c = await (await loadCore())
    .resolveTencentCredentials({ env, profile })
    .catch((error: unknown) => Promise.reject(inCliTerms(error, "tencent", env, profile)));
  return remember({ secretId: c.secretId, secretKey: c.secretKey, ...(c.token ? { token: c.token } : {}) }, [
    c.secretKey,
    c.token,
  ]);
}

export async function awsKeys(env: NodeJS.ProcessEnv, profile: string): Promise<Keys<AwsCredentials>> {
  const c = await (await loadCore())
    .resolveAwsCredentials({ env, profile })
    .catch((error: unknown) => Promise.reject(inCliTerms(error, "aws", env, profile)));
  return remember(
    {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
    },
    [c.secretAccessKey, c.sessionToken],
  );
}

/** Starts loading core's credential chain early (file reads overlap the command line's parsing). */
export function prefetchKeys(): void {
  loadCore().catch(() => {});
}
