import type { AwsCredentials, Tc3Credentials } from "@voicetask/core";
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

export async function tencentKeys(env: NodeJS.ProcessEnv, profile: string): Promise<Keys<Tc3Credentials>> {
  const c = await (await loadCore()).resolveTencentCredentials({ env, profile });
  return remember({ secretId: c.secretId, secretKey: c.secretKey, ...(c.token ? { token: c.token } : {}) }, [
    c.secretKey,
    c.token,
  ]);
}

export async function awsKeys(env: NodeJS.ProcessEnv, profile: string): Promise<Keys<AwsCredentials>> {
  const c = await (await loadCore()).resolveAwsCredentials({ env, profile });
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
