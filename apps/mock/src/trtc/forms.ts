// The request forms Tencent Cloud API 3.0 accepts, read into one shape: which form, the common parameters (keyed by
// their TC3 header names, whatever the form), the language, and the action's own parameters. Everything after
// this step (validation, signature checks, behaviour, answers) is the same for every form.
//
//   TC3 POST   JSON body, common parameters in X-TC-* headers, TC3-HMAC-SHA256 (body hashed, or UNSIGNED-PAYLOAD)
//   TC3 GET    the parameters flattened in the query string (`AgentConfig.UserId=…`), empty body
//   v1         HmacSHA1 / HmacSHA256: every parameter, common ones included, flattened in the query (GET) or an
//              application/x-www-form-urlencoded body (POST)
import type { IncomingMessage } from "node:http";
import { readTencentV1Parameters, TENCENT_V1_COMMON_PARAMETERS } from "@voicetask/core";
import type { Exchange } from "../http/exchange.js";
import { TrtcError } from "./errors.js";
import { type Language, languageOf, message } from "./messages.js";
import { verifierMessage } from "./verifier-messages.js";

export type TencentForm = "tc3-json" | "tc3-query" | "v1";

export interface TencentRequest {
  form: TencentForm;
  /** Common parameters by lower-case header name (`x-tc-action`, `x-tc-region`…), from headers or v1 parameters. */
  common: Record<string, string>;
  language: Language;
  /** The action's parameters, flat (TC3 GET, v1); undefined for a JSON body. */
  fields?: [string, string][];
  /** v1: the `SecretId` parameter (the account when signatures are not checked). */
  secretId?: string;
}

/** Tencent's request-size limits: a GET's request (its query), and a v1-signed POST body (TC3's 10 MB is core's). */
export const GET_QUERY_LIMIT_BYTES = 32 * 1024;
export const V1_BODY_LIMIT_BYTES = 1024 * 1024;

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Which form a request is, from its method and headers: TC3 carries an `Authorization` header or `X-TC-Action`
 * (or a JSON body); anything else is signature v1. Methods other than GET and POST are `UnsupportedProtocol`.
 */
export function formOf(req: IncomingMessage): TencentForm {
  const method = req.method ?? "";
  if (method !== "GET" && method !== "POST") {
    throw new TrtcError("UnsupportedProtocol", message("unsupportedProtocol", method.slice(0, 20)));
  }
  const tc3 =
    req.headers.authorization !== undefined ||
    req.headers["x-tc-action"] !== undefined ||
    /^application\/json\s*(;|$)/i.test(header(req, "content-type") ?? "");
  if (!tc3) return "v1";
  return method === "GET" ? "tc3-query" : "tc3-json";
}

/** The language a request asks for as far as its headers tell (v1 names it in its parameters, read later). */
export const headerLanguage = (req: IncomingMessage): Language => languageOf(header(req, "x-tc-language"));

/** v1 parameter name → the TC3 header carrying the same common parameter. */
const V1_COMMON_HEADERS: Partial<Record<string, string>> = {
  Action: "x-tc-action",
  Version: "x-tc-version",
  Region: "x-tc-region",
  Timestamp: "x-tc-timestamp",
  Token: "x-tc-token",
  Language: "x-tc-language",
  RequestClient: "x-tc-requestclient",
};
const V1_COMMON = new Set<string>([...TENCENT_V1_COMMON_PARAMETERS, "Signature"]);

/**
 * Reads a request of the given form: its size limits first (the body is read through `body`, with the pipeline's
 * limit), then its common parameters and fields. `commonHeaders` are the lower-case header names the operations
 * declare (TC3 reads them from the headers).
 */
export async function readTencentRequest(
  ex: Exchange,
  form: TencentForm,
  body: () => Promise<Uint8Array>,
  commonHeaders: readonly string[],
): Promise<TencentRequest> {
  const { req } = ex;
  if (req.method === "GET" && ex.rawQuery.length > GET_QUERY_LIMIT_BYTES) {
    throw new TrtcError("RequestSizeLimitExceeded", message("queryTooLarge", GET_QUERY_LIMIT_BYTES));
  }
  const bytes = await body();
  if (form !== "v1") {
    const common: Record<string, string> = {};
    for (const name of commonHeaders) {
      const value = header(req, name);
      if (value !== undefined) common[name] = value;
    }
    const language = languageOf(common["x-tc-language"]);
    if (form === "tc3-json") return { form, common, language };
    return { form, common, language, fields: [...new URLSearchParams(ex.rawQuery)] };
  }

  if (bytes.length > V1_BODY_LIMIT_BYTES)
    throw new TrtcError("AuthFailure.SignatureFailure", message("v1TooLarge"));
  const read = readTencentV1Parameters({
    method: req.method ?? "",
    url: req.url ?? "/",
    headers: req.headers,
    body: bytes,
  });
  if (!read.ok) throw new TrtcError(read.code, verifierMessage(read.message));
  const common: Record<string, string> = {};
  const fields: [string, string][] = [];
  let secretId: string | undefined;
  for (const [name, value] of read.params) {
    const headerName = V1_COMMON_HEADERS[name];
    if (headerName !== undefined) common[headerName] = value;
    else if (name === "SecretId") secretId = value;
    else if (!V1_COMMON.has(name)) fields.push([name, value]);
  }
  return {
    form,
    common,
    language: languageOf(common["x-tc-language"]),
    fields,
    ...(secretId === undefined ? {} : { secretId }),
  };
}
