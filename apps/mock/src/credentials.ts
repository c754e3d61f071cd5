import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";

export interface TencentCredential {
  secretId: string;
  secretKey: string;
  /** A temporary credential's session token: requests with this key must carry it (`X-TC-Token` / `Token`). */
  token?: string;
  /** SdkAppId → the app's UserSig key; when given, the mock verifies `AgentConfig.UserSig` for that app. */
  sdkAppIds?: Record<string, string>;
  /**
   * SdkAppId → where the mock posts that application's AI conversation callbacks, and the key it signs them
   * with (as set in the TRTC console).
   */
  callbacks?: Record<string, { url: string; key?: string }>;
}
export interface AwsCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** A temporary credential's session token: requests with this key must carry it (`X-Amz-Security-Token`). */
  token?: string;
  /** Where the mock posts this account's speaker-search events (as an EventBridge API destination would). */
  eventTarget?: string;
}
export interface CredentialsConfig {
  tencent?: TencentCredential[];
  aws?: AwsCredential[];
}

/** Accepted when no credentials are configured. Documented in the README; not secret. */
export const DEMO_CREDENTIALS = {
  tencent: [{ secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" }],
  aws: [{ accessKeyId: "AKIAVOICETASKDEMO", secretAccessKey: "voicetask-demo-secret" }],
} as const satisfies CredentialsConfig;

const credentialsFileSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    tencent: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["secretId", "secretKey"],
        properties: {
          secretId: { type: "string", minLength: 1 },
          secretKey: { type: "string", minLength: 1 },
          token: { type: "string", minLength: 1 },
          sdkAppIds: {
            type: "object",
            propertyNames: { pattern: "^[0-9]+$" },
            additionalProperties: { type: "string", minLength: 1 },
          },
          callbacks: {
            type: "object",
            propertyNames: { pattern: "^[0-9]+$" },
            additionalProperties: {
              type: "object",
              additionalProperties: false,
              required: ["url"],
              properties: {
                url: { type: "string", pattern: "^https?://" },
                key: { type: "string", pattern: "^[A-Za-z0-9]{1,32}$" },
              },
            },
          },
        },
      },
    },
    aws: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["accessKeyId", "secretAccessKey"],
        properties: {
          accessKeyId: { type: "string", minLength: 1 },
          secretAccessKey: { type: "string", minLength: 1 },
          token: { type: "string", minLength: 1 },
          eventTarget: { type: "string", pattern: "^https?://" },
        },
      },
    },
  },
} as const;

const validateFile = new Ajv2020({ allErrors: false }).compile<CredentialsConfig>(credentialsFileSchema);

/** Checks a credentials document; throws with the first problem named. */
export function parseCredentials(doc: unknown, source = "credentials"): CredentialsConfig {
  if (!validateFile(doc)) {
    const e = validateFile.errors?.[0];
    throw new Error(`${source}: ${e?.instancePath || "/"} ${e?.message ?? "is invalid"}`);
  }
  return doc;
}

export async function loadCredentialsFile(path: string): Promise<CredentialsConfig> {
  const text = await readFile(path, "utf8");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // JSON.parse's message may quote the text around the error, i.e. a secret key: keep only the position.
    const at = /at position (\d+)/.exec((e as Error).message)?.[1];
    throw new Error(`${path}: not valid JSON${at ? ` (at position ${at})` : ""}`);
  }
  return parseCredentials(doc, path);
}

/** Lookup tables built once from the configuration. */
export interface CredentialStore {
  readonly config: CredentialsConfig;
  tencentSecret(secretId: string): string | undefined;
  awsSecret(accessKeyId: string): string | undefined;
  /** The session token a key's requests must carry; undefined for a long-term key (any token is accepted). */
  tencentToken(secretId: string): string | undefined;
  awsToken(accessKeyId: string): string | undefined;
  /** The UserSig key of `sdkAppId` for the account `secretId`, if the configuration gives one. */
  userSigKey(secretId: string, sdkAppId: string): string | undefined;
}

export function createCredentialStore(config: CredentialsConfig): CredentialStore {
  const tencent = new Map((config.tencent ?? []).map((c) => [c.secretId, c]));
  const aws = new Map((config.aws ?? []).map((c) => [c.accessKeyId, c]));
  return {
    config,
    tencentSecret: (id) => tencent.get(id)?.secretKey,
    awsSecret: (id) => aws.get(id)?.secretAccessKey,
    tencentToken: (id) => tencent.get(id)?.token,
    awsToken: (id) => aws.get(id)?.token,
    userSigKey: (id, app) => {
      const apps = tencent.get(id)?.sdkAppIds;
      return apps && Object.hasOwn(apps, app) ? apps[app] : undefined;
    },
  };
}
