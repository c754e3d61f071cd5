/** Tencent Cloud API key (long-term, or temporary with `token`). */
export interface Tc3Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

/** AWS access key (long-term, or temporary with `sessionToken`). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Header values as plain parts: names in any case; repeated headers as arrays. */
export type HeaderRecord = Record<string, string | readonly string[] | undefined>;

/** A request as a server received it (node:http friendly). */
export interface WireRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/voice-connectors/a%20b?operation=stop`. */
  url: string;
  /** Lower-case header names (node:http `req.headersDistinct` or `req.headers`). */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export type VerifyResult =
  | { ok: true; keyId: string; service: string; region?: string; timestamp: number }
  | { ok: false; code: string; message: string; httpStatus: number };

export type VerifyFailure = Extract<VerifyResult, { ok: false }>;
