import {
  type ClientSendingOptions,
  clientSender,
  credentialsFrom,
  resolveTencentCredentials,
  senderFetch,
  signTc3,
  type Tc3Credentials,
  tencentProtocol,
} from "@voicetask/core";
import type { Client } from "openapi-fetch";
import type { TencentCredentialsOption } from "./credentials.js";
import { type OperationName, operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { service } from "./generated/service.js";
import { type MethodName, methods } from "./methods.js";
import { createClient } from "./openapi-fetch.js";
import { type ActionInfo, tcActionMiddleware } from "./tc-action.js";
import type { RequestOf, ResponseOf } from "./types.js";

export interface TrtcClientOptions extends ClientSendingOptions {
  /** Region sent in `X-TC-Region`, e.g. `ap-singapore`. */
  region: string;
  /** Keys, or a function answering them. Default: core's chain (the `TENCENTCLOUD_*` environment variables). */
  credentials?: TencentCredentialsOption;
  /** `intl` (default): trtc.intl.tencentcloudapi.com; `cn`: trtc.tencentcloudapi.com. */
  site?: "intl" | "cn";
  /** Base URL that replaces the site's, e.g. a mock's `http://127.0.0.1:4566`. */
  endpoint?: string;
  /** Language of error messages (`X-TC-Language`). */
  language?: "zh-CN" | "en-US";
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

const byPath = new Map<string, ActionInfo>(Object.values(operations).map((op) => [op.path, op]));

/** The spec's endpoint for a site: the `.intl.` one, or the other one for `cn`. */
const siteUrl = (site: "intl" | "cn") =>
  service.endpoints.find((e) => e.url.includes(".intl.") === (site === "intl"))!.url;

export function createTrtcClient(options: TrtcClientOptions): TrtcClient {
  const { region } = options;
  const sender = clientSender<Tc3Credentials>(options, {
    protocol: tencentProtocol,
    keyPrefix: `${service.provider}:${service.name}:${region}`,
    credentials: credentialsFrom(options.credentials, resolveTencentCredentials),
    credentialId: (c) => c.secretId,
    sign: (request, now, payload, credentials) =>
      signTc3(request, {
        credentials,
        service: service.signingName,
        timestamp: Math.floor(now / 1000),
        payload,
      }),
  });

  // Raw calls: the middleware records which action a rewritten request is for.
  const operationOfRequest = new WeakMap<Request, ActionInfo>();
  const raw = createClient<paths>({
    baseUrl: options.endpoint ?? siteUrl(options.site ?? "intl"),
    fetch: senderFetch(sender, (request) => {
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

  const client = { raw } as TrtcClient;
  for (const [method, name] of Object.entries(methods) as [MethodName, OperationName][]) {
    const op = operations[name];
    (client as unknown as Record<string, unknown>)[method] = async (body: object, o: CallOptions = {}) => {
      const { data } = await raw.POST(op.path, {
        body,
        fetch: senderFetch(
          sender,
          () => op,
          () => o,
        ),
      } as never);
      return (data as unknown as { Response: unknown }).Response;
    };
  }
  return client;
}
