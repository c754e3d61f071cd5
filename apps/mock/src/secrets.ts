import { createRedactor, isSecretName, type Redactor } from "@voicetask/core";
import type { CredentialsConfig } from "./credentials.js";

/**
 * The secret values in a credentials document: every string under a secret-named member (`secretKey`,
 * `secretAccessKey`, a session `token`…) and the UserSig keys of `sdkAppIds`; key ids (`secretId`,
 * `accessKeyId`) are not secrets and stay readable.
 */
export function secretValuesOf(config: CredentialsConfig): string[] {
  const out: string[] = [];
  const walk = (value: unknown, secret: boolean) => {
    if (typeof value === "string") {
      if (secret) out.push(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, secret);
    } else if (value !== null && typeof value === "object") {
      for (const [name, v] of Object.entries(value)) {
        walk(v, secret || name === "sdkAppIds" || (isSecretName(name) && !/id$/i.test(name)));
      }
    }
  };
  walk(config, false);
  return out;
}

/** The mock's redactor: core's rules by name, plus the values of the keys and tokens it accepts. */
export function mockRedactor(config: CredentialsConfig, controlToken?: string): Redactor {
  return createRedactor([...secretValuesOf(config), controlToken]);
}
