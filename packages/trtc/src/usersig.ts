// UserSig, the credential a TRTC user (or an AI bot joining a room) presents, in Tencent's tls-sig-api-v2 form:
// a JSON document {TLS.ver, TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire, TLS.sig}, zlib-deflated, base64
// with `+` → `*`, `/` → `-`, `=` → `_`. TLS.sig is base64(HMAC-SHA256(SDKSecretKey, the signed lines)).
// Node-only (node:crypto, node:zlib): exported as `@voicetask/trtc/usersig`, never from the browser entry.
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";

export interface UserSigOptions {
  sdkAppId: number;
  /** The SDKSecretKey of the TRTC application (not a Tencent Cloud API key). */
  secretKey: string;
  userId: string;
  /** Validity in seconds; Tencent's tools default to 180 days. */
  expireSeconds?: number;
  /** Issue time in seconds since the epoch; defaults to now. */
  issuedAt?: number;
}

interface SigDocument {
  "TLS.ver": string;
  "TLS.identifier": string;
  "TLS.sdkappid": number;
  "TLS.time": number;
  "TLS.expire": number;
  /** Base64 userbuf of a PrivateMapKey, when the sig carries room permissions. */
  "TLS.userbuf"?: string;
  "TLS.sig": string;
}

/** A UserSig inflates to a few hundred bytes; refuse to inflate more (a hostile sig could be a zip bomb). */
const MAX_INFLATED_BYTES = 64 * 1024;

const DEFAULT_EXPIRE_SECONDS = 180 * 24 * 3600;

function signedLines(
  sdkAppId: number,
  userId: string,
  time: number,
  expire: number,
  userBuf?: string,
): string {
  const lines = `TLS.identifier:${userId}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  return userBuf === undefined ? lines : `${lines}TLS.userbuf:${userBuf}\n`;
}

function hmac(secretKey: string, text: string): string {
  return createHmac("sha256", secretKey).update(text).digest("base64");
}

const escapeBase64 = (text: string) => text.replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
const unescapeBase64 = (text: string) => text.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");

/** `1400000001`, `"abc"`, `undefined`: a value as a message may show it (never used for the key). */
const shown = (value: unknown) =>
  typeof value === "string"
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : String(value);

const positiveInteger = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value > 0;

/**
 * Refuses options that would make a UserSig TRTC rejects (or a misleading one) with a `TypeError` naming the
 * option and the rule. The key's value is never shown.
 */
function checkOptions(options: UserSigOptions): void {
  if (typeof options !== "object" || options === null)
    throw new TypeError("genUserSig needs { sdkAppId, secretKey, userId }");
  const { sdkAppId, secretKey, userId, expireSeconds, issuedAt } = options;
  if (!positiveInteger(sdkAppId))
    throw new TypeError(
      `genUserSig: sdkAppId must be a positive integer (the application's SdkAppId), not ${shown(sdkAppId)}`,
    );
  if (typeof secretKey !== "string" || secretKey.trim() === "")
    throw new TypeError("genUserSig: secretKey must be the application's SDKSecretKey, a non-empty string");
  // The user id is one of the signed lines: a line break in it would sign other lines than TRTC checks.
  if (typeof userId !== "string" || userId === "" || /[\r\n]/.test(userId))
    throw new TypeError(
      `genUserSig: userId must be a non-empty string without line breaks, not ${shown(userId)}`,
    );
  if (expireSeconds !== undefined && !positiveInteger(expireSeconds))
    throw new TypeError(
      `genUserSig: expireSeconds must be a positive integer of seconds, not ${shown(expireSeconds)}`,
    );
  if (issuedAt !== undefined && !(Number.isSafeInteger(issuedAt) && issuedAt >= 0))
    throw new TypeError(`genUserSig: issuedAt must be whole seconds since the epoch, not ${shown(issuedAt)}`);
}

/** A UserSig for `userId` of the application, valid `expireSeconds` (default 180 days) from `issuedAt` (now). */
export function genUserSig(options: UserSigOptions): string {
  checkOptions(options);
  const time = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const expire = options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS;
  const document: SigDocument = {
    "TLS.ver": "2.0",
    "TLS.identifier": options.userId,
    "TLS.sdkappid": options.sdkAppId,
    "TLS.time": time,
    "TLS.expire": expire,
    "TLS.sig": hmac(options.secretKey, signedLines(options.sdkAppId, options.userId, time, expire)),
  };
  return escapeBase64(deflateSync(Buffer.from(JSON.stringify(document))).toString("base64"));
}

export type UserSigCheck =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: "malformed" | "wrong-user" | "wrong-app" | "bad-signature" | "expired" };

/** Checks a UserSig the way TRTC does: document shape, identity, HMAC and expiry (`now` in seconds). */
export function verifyUserSig(
  userSig: string,
  expected: { sdkAppId: number; userId: string; secretKey: string; now?: number },
): UserSigCheck {
  let document: Partial<SigDocument>;
  try {
    const inflated = inflateSync(Buffer.from(unescapeBase64(userSig), "base64"), {
      maxOutputLength: MAX_INFLATED_BYTES,
    });
    document = JSON.parse(inflated.toString("utf8"));
    if (document === null || typeof document !== "object") return { ok: false, reason: "malformed" };
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const time = document["TLS.time"];
  const expire = document["TLS.expire"];
  const sig = document["TLS.sig"];
  const userBuf = document["TLS.userbuf"];
  if (
    typeof time !== "number" ||
    typeof expire !== "number" ||
    typeof sig !== "string" ||
    (userBuf !== undefined && typeof userBuf !== "string")
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (document["TLS.identifier"] !== expected.userId) return { ok: false, reason: "wrong-user" };
  if (Number(document["TLS.sdkappid"]) !== expected.sdkAppId) return { ok: false, reason: "wrong-app" };
  const want = Buffer.from(
    hmac(expected.secretKey, signedLines(expected.sdkAppId, expected.userId, time, expire)),
  );
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got))
    return { ok: false, reason: "bad-signature" };
  const now = expected.now ?? Math.floor(Date.now() / 1000);
  if (now > time + expire) return { ok: false, reason: "expired" };
  return { ok: true, expiresAt: time + expire };
}
