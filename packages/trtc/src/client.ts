import {
  clockFrom,
  createSender,
  limiterFor,
  type NowOption,
  type RateLimitOption,
  type RetryOptions,
  type Sender,
  senderFetch,
  signTc3,
  type Tc3Credentials,
  tencentProtocol,
} from "@voicetask/core";
import type { Client } from "openapi-fetch";
import { credentialsSource, type TencentCredentialsOption } from "./credentials.js";
import { type OperationName, operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { service } from "./generated/service.js";
import { type MethodName, methods } from "./methods.js";
import { createClient } from "./openapi-fetch.js";
import { type ActionInfo, tcActionMiddleware } from "./tc-action.js";
import type { RequestOf, ResponseOf } from "./types.js";

export interface TrtcClientOptions {
  /** Region sent in `X-TC-Region`, e.g. `ap-singapore`. */
  region: string;
  /** Keys, or a function answering them. Default: core's chain (the `TENCENTCLOUD_*` environment variables). */
  credentials?: TencentCredentialsOption;
  /** `intl` (default): trtc.intl.tencentcloudapi.com; `cn`: trtc.tencentcloudapi.com. */
  site?: "intl" | "cn";
  /** Base URL that replaces the site's, e.g. a mock's `http://127.0.0.1:4566`. */
  endpoint?: string;
  fetch?: typeof globalThis.fetch;
  /** `false` to send without limiting; default: one budget per account, shared in this process. */
  rateLimit?: RateLimitOption;
  /** `false` for a single attempt; default 3 attempts with full-jitter backoff, only when safe. */
  retry?: RetryOptions | false;
  /** Per-attempt timeout in ms (default 60 000, like the official SDK; 0 for none). */
  timeoutMs?: number;
  /** Language of error messages (`X-TC-Language`). */
  language?: "zh-CN" | "en-US";
  /** Time source (see {@link NowOption}). */
  now?: NowOption;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  timeoutMs?: number;
}

type Methods = {
  [M in MethodName]: (
    request: RequestOf<(typeof methods)[M]>,
    options?: CallOptions,
  ) => Promise<ResponseOf<(typeof methods)[M]>>;
};

export interface TrtcClient extends Methods {
  /**
   * The openapi-fetch client underneath (`raw.POST("/StopAIConversation", ...)`), for what the methods do not
   * cover. It signs, limits and retries the same way; a provider error is thrown (typed), never returned.
   */
  readonly raw: Client<paths>;
}

const actions: ActionInfo[] = Object.values(operations);
const byPath = new Map(actions.map((op) => [op.path, op]));

function siteUrl(site: "intl" | "cn"): string {
  const intl = (url: string) => url.includes(".intl.");
  const found = service.endpoints.find((e) => intl(e.url) === (site === "intl"));
  if (!found) throw new TypeError(`No ${site} endpoint in the TRTC spec`);
  return found.url;
}

export function createTrtcClient(options: TrtcClientOptions): TrtcClient {
  const { region } = options;
  const clock = clockFrom(options.now);
  const credentials = credentialsSource(options.credentials);

  let sender: Promise<Sender> | undefined;
  const getSender = () => {
    sender ??= credentials().then((first: Tc3Credentials) =>
      createSender({
        protocol: tencentProtocol,
        sign: async (request, now, payload) =>
          signTc3(request, {
            credentials: await credentials(),
            service: service.signingName,
            timestamp: Math.floor(now / 1000),
            payload,
          }),
        fetch: options.fetch,
        limiter: limiterFor(options.rateLimit, clock),
        retry: options.retry,
        clock,
        timeoutMs: options.timeoutMs,
        keyPrefix: `${service.provider}:${service.name}:${region}`,
        credentialId: first.secretId,
      }),
    );
    sender.catch(() => {
      sender = undefined; // a credential failure is not cached: the next call tries again
    });
    return sender;
  };

  // Raw calls: the middleware records which action a rewritten request is for.
  const operationOfRequest = new WeakMap<Request, ActionInfo>();
  const raw = createClient<paths>({
    baseUrl: options.endpoint ?? siteUrl(options.site ?? "intl"),
    fetch: senderFetch(getSender, (request) => {
      const op = operationOfRequest.get(request);
      if (!op) throw new TypeError(`No TRTC action for ${request.method} ${request.url}`);
      return op;
    }),
  });
  raw.use(
    tcActionMiddleware({
      byPath,
      version: service.version,
      region,
      language: options.language,
      record: (request, op) => operationOfRequest.set(request, op),
    }),
  );

  const call = async (name: OperationName, body: object, callOptions: CallOptions = {}) => {
    const op = operations[name];
    const { data } = await raw.POST(op.path, {
      body,
      fetch: senderFetch(
        getSender,
        () => op,
        () => callOptions,
      ),
    } as never);
    return (data as unknown as { Response: unknown }).Response;
  };

  const client = { raw } as TrtcClient;
  for (const [method, name] of Object.entries(methods) as [MethodName, OperationName][]) {
    (client as unknown as Record<string, unknown>)[method] = (body: object, o?: CallOptions) =>
      call(name, body, o);
  }
  return client;
}
