// Every message the mock's Tencent API answers with, once per language: the catalog is keyed, and the Chinese
// table must have every key of the English one (the compiler checks). Where Tencent's Chinese error-code pages
// (e.g. https://cloud.tencent.com/document/api/647/37089, "公共错误码") or a real Chinese answer document a text,
// the Chinese entry starts with it (marked "doc"); the details after it, and entries without a documented text,
// are our own faithful translations of the English (marked "translated").
import type { TencentFormRule } from "@voicetask/core";

/** The languages Tencent Cloud API 3.0 answers in (`X-TC-Language`, v1 `Language`). */
export type Language = "en-US" | "zh-CN";
export const LANGUAGES: readonly Language[] = ["en-US", "zh-CN"];

/**
 * The language of a request that names none. The official Node SDKs send none unless configured
 * (`profile.language` is optional) and their users see English messages (`The provided credentials could not be
 * validated…`), while the Python, Go and Java SDKs send `zh-CN` by default and get Chinese ones: the service's
 * own default is English.
 */
export const DEFAULT_LANGUAGE: Language = "en-US";

/** A request's language: one of the two Tencent answers in, else the default. */
export const languageOf = (value: unknown): Language =>
  value === "zh-CN" || value === "en-US" ? value : DEFAULT_LANGUAGE;

/** Why a UserSig is refused (`verifyUserSig`'s reasons, and an empty one). */
export type UserSigProblem = "empty" | "malformed" | "wrong-user" | "wrong-app" | "bad-signature" | "expired";

/** An ajv constraint, as the messages need it: its keyword and parameters, and ajv's own English wording. */
export interface Constraint {
  keyword: string;
  params: Record<string, unknown>;
  /** ajv's message, e.g. `must be >= 100`. */
  english: string;
}

const EN_USERSIG: Record<UserSigProblem, string> = {
  empty: "it is empty",
  malformed: "it cannot be decoded",
  "wrong-user": "it was issued for another UserId",
  "wrong-app": "it was issued for another SdkAppId",
  "bad-signature": "its signature does not match",
  expired: "it has expired",
};

/** `(0, 1)` after an enum's message. */
const allowedList = (c: Constraint) =>
  c.keyword === "enum" ? ` (${(c.params.allowedValues as unknown[]).join(", ")})` : "";

const en = {
  internal: () =>
    "An internal error has occurred. Retry your request, but if the problem persists, contact us.",
  invalidAction: () => "The request `Action` is invalid or not found.",
  noSuchVersion: (version: string, action: string) =>
    `The requested version \`${version}\` of API \`${action}\` is not found.`,
  unsupportedRegion: (region: string) => `The \`Region\` \`${region}\` is not supported by this API.`,
  unsupportedProtocol: (method: string) =>
    `The HTTP method \`${method}\` is not supported: only GET and POST are.`,
  missing: (name: string) => `The request is missing a required parameter \`${name}\`.`,
  unknown: (name: string) => `The parameter \`${name}\` is not recognized.`,
  duplicate: (name: string) => `The parameter \`${name}\` is given more than once.`,
  bodyTooLarge: (limit: number) => `The request body exceeds the size limit of ${limit} bytes.`,
  queryTooLarge: (limit: number) =>
    `The query string of a GET request exceeds the size limit of ${limit} bytes; send large requests as POST.`,
  // A v1-signed POST over 1 MB: the real service's answer, as users of the official SDKs report it
  // (TencentCloud/tencentcloud-sdk-python#42, tencentcloud-sdk-dotnet#75).
  v1TooLarge: () =>
    "The provided credentials could not be validated because of exceeding request size limit, please use new signature method `TC3-HMAC-SHA256`.",
  rateLimited: (action: string, limit: number) =>
    `Your current request times of \`${action}\` exceed the frequency limit \`${limit}\` in a second.`,
  taskNotExist: () => "The task does not exist.",
  taskExist: () => "The task already exists.",
  invalidTaskId: () => "The parameter `TaskId` is invalid.",
  concurrencyLimit: (sdkAppId: number, running: number) =>
    `The SdkAppId ${sdkAppId} already runs ${running} AI conversation tasks, its concurrency limit.`,
  accountsLimit: (limit: number) =>
    `The mock holds tasks for at most ${limit} accounts; reset it or raise the limit.`,
  tasksPerAccountLimit: (limit: number) =>
    `The mock holds at most ${limit} tasks per account; stop tasks, reset the mock or raise the limit.`,
  userSig: (problem: UserSigProblem) => `UserSig is invalid: ${EN_USERSIG[problem]}.`,
  contentType: (contentType: string) =>
    `The Content-Type \`${contentType}\` is not supported; send application/json.`,
  bodyUnreadable: () => "The request body could not be read.",
  bodyNotUtf8: () => "The request body is not valid UTF-8.",
  bodyNotJson: () => "The request body is not valid JSON.",
  bodyNotObject: () => "The request body must be a JSON object.",
  headersInvalid: () => "The request headers are invalid.",
  parametersInvalid: () => "The request parameters are invalid.",
  commonType: (name: string, type: string) => `The value of parameter \`${name}\` must be of type ${type}.`,
  commonValue: (name: string, c: Constraint) =>
    `The value of parameter \`${name}\` is invalid: ${c.english}.`,
  type: (name: string, type: string) => `The type of parameter \`${name}\` is invalid: it must be ${type}.`,
  value: (name: string, c: Constraint) =>
    `The value of parameter \`${name}\` is invalid: it ${c.english}${allowedList(c)}.`,
  notJsonText: (name: string) => `The value of parameter \`${name}\` is not valid JSON.`,
  /** A flat (v1 or GET) parameter that cannot be read: core's sentence for the rule. */
  form: (_rule: TencentFormRule, _parameter: string, english: string) => english,
  secretIdNotFound: () => "The SecretId is not found, please ensure that your SecretId is correct.",
  signatureExpire: () => "The signature is expired, please request again.",
  signatureFailure: () =>
    "The provided credentials could not be validated. Please check your signature is correct.",
  tokenFailure: () =>
    "The token is invalid: a temporary credential's requests must carry its token (X-TC-Token, or Token with signature v1).",
  invalidAuthorization: (detail: string) =>
    `The \`Authorization\` header does not follow the standard: ${detail}.`,
  v1Body: () =>
    "A request signed with HmacSHA1 or HmacSHA256 sends its parameters in the query string or in an application/x-www-form-urlencoded body.",
  v1Timestamp: () => "The value of parameter `Timestamp` must be a Unix time in seconds.",
  v1Nonce: () => "The value of parameter `Nonce` must be an unsigned integer.",
  injected: (code: string) => `Injected fault: ${code}.`,
  noBehaviour: (operation: string) => `The mock has no behaviour for \`${operation}\` yet.`,
  /** A text the caller chose (an injected fault's `errorMessage`): answered as given, in any language. */
  given: (text: string) => text,
};

type Catalog = typeof en;

// JSON types in the Chinese messages (translated).
const ZH_TYPE: Record<string, string> = {
  string: "字符串",
  integer: "整数",
  number: "数字",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  null: "null",
};
const zhType = (type: string) =>
  type
    .split(",")
    .map((t) => ZH_TYPE[t] ?? t)
    .join(" 或 ");

const ZH_USERSIG: Record<UserSigProblem, string> = {
  empty: "为空",
  malformed: "无法解码",
  "wrong-user": "签发给了其他 UserId",
  "wrong-app": "签发给了其他 SdkAppId",
  "bad-signature": "签名不匹配",
  expired: "已过期",
};

/** An ajv constraint in Chinese (translated), from its keyword and parameters. */
function zhConstraint(c: Constraint): string {
  const p = c.params;
  switch (c.keyword) {
    case "enum":
      return `必须是以下取值之一（${(p.allowedValues as unknown[]).join(", ")}）`;
    case "const":
      return `必须等于 ${JSON.stringify(p.allowedValue)}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `必须 ${String(p.comparison)} ${String(p.limit)}`;
    case "minLength":
      return `长度不能少于 ${String(p.limit)} 个字符`;
    case "maxLength":
      return `长度不能超过 ${String(p.limit)} 个字符`;
    case "minItems":
      return `元素不能少于 ${String(p.limit)} 个`;
    case "maxItems":
      return `元素不能超过 ${String(p.limit)} 个`;
    case "minProperties":
      return `成员不能少于 ${String(p.limit)} 个`;
    case "maxProperties":
      return `成员不能超过 ${String(p.limit)} 个`;
    case "pattern":
      return `必须匹配正则表达式 ${String(p.pattern)}`;
    case "format":
      return `必须符合格式 ${String(p.format)}`;
    case "multipleOf":
      return `必须是 ${String(p.multipleOf)} 的倍数`;
    case "uniqueItems":
      return "元素不能重复";
    case "not":
      return "不能是该取值";
    case "oneOf":
    case "anyOf":
      return "不符合任何一种允许的形式";
    default:
      return `不满足约束 ${c.keyword}`;
  }
}

const ZH_FORM_RULE: Record<TencentFormRule, (p: string) => string> = {
  duplicate: (p) => `参数 \`${p}\` 重复出现。`,
  name: (p) => `参数名 \`${p}\` 含有空的部分：各部分之间只能用一个点连接。`,
  depth: (p) => `参数名 \`${p.slice(0, 200)}\` 的嵌套超过 64 层。`,
  conflict: (p) => `参数 \`${p}\` 同时以取值和成员的形式给出，只能二选一。`,
  index: (p) => `参数 \`${p}\` 不是其数组的元素：元素须从 0 开始连续编号。`,
  members: (p) => `参数 \`${p}\` 指向一个没有成员的取值。`,
  object: (p) => `参数 \`${p}\` 是对象：请以 \`${p}.<名称>\` 传入其成员。`,
  array: (p) => `参数 \`${p}\` 是数组：请以 \`${p}.0\`、\`${p}.1\`… 传入其元素。`,
  integer: (p) => `参数 \`${p}\` 的取值必须是整数。`,
  number: (p) => `参数 \`${p}\` 的取值必须是数字。`,
  boolean: (p) => `参数 \`${p}\` 的取值必须是 true 或 false。`,
};

/** The details of `AuthFailure.InvalidAuthorization` that core's TC3 verifier names (translated). */
const ZH_AUTHORIZATION_DETAIL: Record<string, string> = {
  "the header is missing": "缺少该请求头",
  "the algorithm must be TC3-HMAC-SHA256": "签名算法必须是 TC3-HMAC-SHA256",
  "Credential must be <SecretId>/<YYYY-MM-DD>/<service>/tc3_request":
    "Credential 必须是 <SecretId>/<YYYY-MM-DD>/<service>/tc3_request",
  "SignedHeaders must include content-type and host": "SignedHeaders 必须包含 content-type 和 host",
  "Signature must be 64 lower-case hex digits": "Signature 必须是 64 位小写十六进制数字",
  "the X-TC-Timestamp header must be a Unix time in seconds":
    "X-TC-Timestamp 请求头必须是以秒为单位的 Unix 时间",
};

const zh: Catalog = {
  internal: () => "内部错误。", // doc
  invalidAction: () => "接口不存在。", // doc
  noSuchVersion: (version, action) => `接口版本不存在。接口 \`${action}\` 没有版本 \`${version}\`。`, // doc + translated
  unsupportedRegion: (region) => `接口不支持所传地域。不支持的地域 \`${region}\`。`, // doc + translated
  unsupportedProtocol: (method) =>
    `HTTP(S)请求协议错误，只支持 GET 和 POST 请求。不支持的方法 \`${method}\`。`, // doc + translated
  missing: (name) => `缺少参数。缺少必填参数 \`${name}\`。`, // doc + translated
  unknown: (name) => `未知参数错误。无法识别参数 \`${name}\`。`, // doc + translated
  duplicate: (name) => `参数错误。参数 \`${name}\` 重复出现。`, // doc + translated
  bodyTooLarge: (limit) => `请求包超过限制大小。请求体超过了 ${limit} 字节的上限。`, // doc + translated
  queryTooLarge: (limit) =>
    `请求包超过限制大小。GET 请求的查询字符串超过了 ${limit} 字节的上限，请用 POST 发送较大的请求。`, // doc + translated
  v1TooLarge: () => "签名错误。请求包超过了签名方法 v1 的大小限制，请使用新的签名方法 `TC3-HMAC-SHA256`。", // doc + translated
  rateLimited: (action, limit) => `请求的次数超过了频率限制。接口 \`${action}\` 每秒最多请求 ${limit} 次。`, // doc + translated
  taskNotExist: () => "任务不存在。", // doc (the SDKs' error-code comments)
  taskExist: () => "任务已存在。", // doc
  invalidTaskId: () => "TaskId 参数错误。", // doc (InvalidParameter.TaskId)
  concurrencyLimit: (sdkAppId, running) =>
    `SdkAppId ${sdkAppId} 已有 ${running} 个 AI 对话任务在运行，达到并发上限。`, // translated
  accountsLimit: (limit) => `模拟服务最多保存 ${limit} 个账号的任务；请重置模拟服务或调高上限。`, // translated
  tasksPerAccountLimit: (limit) =>
    `模拟服务每个账号最多保存 ${limit} 个任务；请停止任务、重置模拟服务或调高上限。`, // translated
  userSig: (problem) => `UserSig 错误：${ZH_USERSIG[problem]}。`, // translated
  contentType: (contentType) => `不支持的 Content-Type \`${contentType}\`，请使用 application/json。`, // translated
  bodyUnreadable: () => "无法读取请求体。", // translated
  bodyNotUtf8: () => "请求体不是有效的 UTF-8。", // translated
  bodyNotJson: () => "请求体不是有效的 JSON。", // translated
  bodyNotObject: () => "请求体必须是 JSON 对象。", // translated
  headersInvalid: () => "请求头无效。", // translated
  parametersInvalid: () => "参数错误（包括参数格式、类型等错误）。", // doc
  commonType: (name, type) => `参数 \`${name}\` 的取值必须是${zhType(type)}类型。`, // translated
  commonValue: (name, c) => `参数取值错误。参数 \`${name}\` 的取值${zhConstraint(c)}。`, // doc + translated
  type: (name, type) => `参数错误。参数 \`${name}\` 的类型错误：必须是${zhType(type)}。`, // doc + translated
  value: (name, c) => `参数取值错误。参数 \`${name}\` 的取值${zhConstraint(c)}。`, // doc + translated
  notJsonText: (name) => `参数取值错误。参数 \`${name}\` 的取值不是有效的 JSON。`, // doc + translated
  form: (rule, parameter) => ZH_FORM_RULE[rule](parameter), // translated
  secretIdNotFound: () =>
    "密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确，注意前后不得有空格。", // doc
  signatureExpire: () =>
    "签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。", // doc
  // The real answer to a Chinese request (TencentCloud/tencentcloud-sdk-ruby#9).
  signatureFailure: () => "请求签名验证失败，请检查您的签名计算是否正确。",
  tokenFailure: () => "token 错误。临时凭证的请求必须携带其 token（X-TC-Token，签名方法 v1 为 Token）。", // doc + translated
  invalidAuthorization: (detail) => {
    const translated = ZH_AUTHORIZATION_DETAIL[detail];
    return `请求头部的 Authorization 不符合腾讯云标准${translated ? `：${translated}` : ""}。`; // doc + translated
  },
  v1Body: () =>
    "参数错误。使用 HmacSHA1 或 HmacSHA256 签名的请求须将参数放在查询字符串或 application/x-www-form-urlencoded 请求体中。", // doc + translated
  v1Timestamp: () => "参数错误。参数 `Timestamp` 的取值必须是以秒为单位的 Unix 时间。", // doc + translated
  v1Nonce: () => "参数错误。参数 `Nonce` 的取值必须是无符号整数。", // doc + translated
  injected: (code) => `注入的故障：${code}。`, // translated
  noBehaviour: (operation) => `模拟服务尚未实现 \`${operation}\` 的行为。`, // translated
  given: (text) => text,
};

export type MessageKey = keyof Catalog;

/** A message to answer with: its key and arguments, rendered in the request's language once the answer is made. */
export type Message = {
  [K in MessageKey]: { readonly key: K; readonly args: Parameters<Catalog[K]> };
}[MessageKey];

export const CATALOGS: Readonly<Record<Language, Catalog>> = { "en-US": en, "zh-CN": zh };

export function message<K extends MessageKey>(key: K, ...args: Parameters<Catalog[K]>): Message {
  return { key, args } as unknown as Message;
}

export function render(m: Message, language: Language): string {
  const entry = CATALOGS[language][m.key] as (...args: unknown[]) => string;
  return entry(...(m.args as unknown[]));
}
