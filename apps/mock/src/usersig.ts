import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";

/**
 * TRTC UserSig, the `tls-sig-api-v2` algorithm (HMAC-SHA256 variant):
 *
 *   doc  = {"TLS.ver":"2.0","TLS.identifier":<userId>,"TLS.sdkappid":<n>,"TLS.time":<s>,"TLS.expire":<s>,
 *           ["TLS.userbuf":<base64>,] "TLS.sig":<base64 HMAC>}
 *   sig  = base64(HMAC-SHA256(key, "TLS.identifier:<id>\nTLS.sdkappid:<n>\nTLS.time:<s>\nTLS.expire:<s>\n"
 *                                   [+ "TLS.userbuf:<base64>\n"]))
 *   UserSig = base64(zlib-deflate(JSON(doc))) with '+' → '*', '/' → '-', '=' → '_'
 *
 * A UserSig is valid from TLS.time until TLS.time + TLS.expire (seconds).
 */

export interface UserSigFields {
  sdkAppId: number;
  userId: string;
  /** Seconds since the epoch when the UserSig was issued. */
  time: number;
  /** Validity in seconds from `time`. */
  expire: number;
  /** Base64 userbuf of a PrivateMapKey, if any. */
  userBuf?: string;
}

export function userSigHmac(key: string, f: UserSigFields): string {
  let content =
    `TLS.identifier:${f.userId}\n` +
    `TLS.sdkappid:${f.sdkAppId}\n` +
    `TLS.time:${f.time}\n` +
    `TLS.expire:${f.expire}\n`;
  if (f.userBuf !== undefined) content += `TLS.userbuf:${f.userBuf}\n`;
  return createHmac("sha256", key).update(content).digest("base64");
}

const toSigAlphabet = (b64: string) => b64.replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
const fromSigAlphabet = (s: string) => s.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");

/** Issues a UserSig (used by tests and by users who want a valid one for the mock). */
export function genUserSig(key: string, f: UserSigFields): string {
  const doc: Record<string, string | number> = {
    "TLS.ver": "2.0",
    "TLS.identifier": f.userId,
    "TLS.sdkappid": f.sdkAppId,
    "TLS.time": f.time,
    "TLS.expire": f.expire,
  };
  if (f.userBuf !== undefined) doc["TLS.userbuf"] = f.userBuf;
  doc["TLS.sig"] = userSigHmac(key, f);
  return toSigAlphabet(deflateSync(Buffer.from(JSON.stringify(doc))).toString("base64"));
}

export type UserSigCheck = { ok: true } | { ok: false; reason: string };

const MAX_INFLATED = 64 * 1024;

/** Verifies `userSig` for `sdkAppId` + `userId` with the app key, at `nowMs`. */
export function verifyUserSig(
  userSig: string,
  expected: { sdkAppId: number; userId: string; key: string; nowMs: number },
): UserSigCheck {
  let doc: Record<string, unknown>;
  try {
    const raw = inflateSync(Buffer.from(fromSigAlphabet(userSig), "base64"), {
      maxOutputLength: MAX_INFLATED,
    });
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw new Error("not an object");
    doc = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "UserSig cannot be decoded" };
  }
  const identifier = doc["TLS.identifier"];
  const sdkAppId = doc["TLS.sdkappid"];
  const time = doc["TLS.time"];
  const expire = doc["TLS.expire"];
  const sig = doc["TLS.sig"];
  const userBuf = doc["TLS.userbuf"];
  if (
    typeof identifier !== "string" ||
    typeof sig !== "string" ||
    typeof time !== "number" ||
    typeof expire !== "number" ||
    (typeof sdkAppId !== "number" && typeof sdkAppId !== "string") ||
    (userBuf !== undefined && typeof userBuf !== "string")
  ) {
    return { ok: false, reason: "UserSig is missing fields" };
  }
  if (identifier !== expected.userId) return { ok: false, reason: "UserSig was issued for another UserId" };
  if (Number(sdkAppId) !== expected.sdkAppId)
    return { ok: false, reason: "UserSig was issued for another SdkAppId" };
  const want = Buffer.from(
    userSigHmac(expected.key, { sdkAppId: expected.sdkAppId, userId: identifier, time, expire, userBuf }),
  );
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    return { ok: false, reason: "UserSig signature does not match" };
  }
  if ((time + expire) * 1000 < expected.nowMs) return { ok: false, reason: "UserSig has expired" };
  return { ok: true };
}
