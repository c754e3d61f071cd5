// Core's Tencent verifiers (verifyTc3, verifyTencentV1, readTencentV1Parameters) answer a code and an English
// sentence. This names each sentence as a catalog message, so the answer can be given in the request's language.
import { type Message, message } from "./messages.js";

const FIXED: Record<string, Message> = {
  "The SecretId is not found, please ensure that your SecretId is correct.": message("secretIdNotFound"),
  "The signature is expired, please request again.": message("signatureExpire"),
  "The provided credentials could not be validated. Please check your signature is correct.":
    message("signatureFailure"),
  "The value of parameter `Timestamp` must be a Unix time in seconds.": message("v1Timestamp"),
  "The value of parameter `Nonce` must be an unsigned integer.": message("v1Nonce"),
  "A request signed with HmacSHA1 or HmacSHA256 sends its parameters in the query string or in an application/x-www-form-urlencoded body.":
    message("v1Body"),
};

const PATTERNS: [RegExp, (match: string) => Message][] = [
  [
    /^The `Authorization` header does not follow the standard: (.*)\.$/s,
    (d) => message("invalidAuthorization", d),
  ],
  [/^The request is missing a required parameter `(.*)`\.$/s, (name) => message("missing", name)],
  [/^The parameter `(.*)` is given more than once\.$/s, (name) => message("duplicate", name)],
];

/**
 * The catalog message for a verifier's sentence. A sentence this table does not know (a newer core) is answered as
 * given; `verifier-messages.test.ts` provokes every failure the verifiers know, so that cannot pass unnoticed.
 */
export function verifierMessage(sentence: string): Message {
  const fixed = FIXED[sentence];
  if (fixed) return fixed;
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(sentence);
    if (m) return make(m[1] ?? "");
  }
  return message("given", sentence);
}
