import type { VerifyFailure } from "./types.js";

/** Tencent answers API errors with HTTP 200 and `Response.Error`. */
export const tencentFailure = (code: string, message: string): VerifyFailure => ({
  ok: false,
  code,
  message,
  httpStatus: 200,
});

/** The verdicts both Tencent verifiers (TC3 and signature v1) share, in Tencent's words. */
export const secretIdNotFound = (): VerifyFailure =>
  tencentFailure(
    "AuthFailure.SecretIdNotFound",
    "The SecretId is not found, please ensure that your SecretId is correct.",
  );

export const signatureExpired = (): VerifyFailure =>
  tencentFailure("AuthFailure.SignatureExpire", "The signature is expired, please request again.");

export const signatureMismatch = (): VerifyFailure =>
  tencentFailure(
    "AuthFailure.SignatureFailure",
    "The provided credentials could not be validated. Please check your signature is correct.",
  );

/** Whether a request time (Unix seconds) is within `maxSkewMs` (default 5 minutes) of `now`, either way. */
export function withinSkew(timestampSeconds: number, now: number, maxSkewMs = 300_000): boolean {
  return Math.abs(now - timestampSeconds * 1000) <= maxSkewMs;
}
