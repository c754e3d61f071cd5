import {
  type ClientSendingOptions,
  clientSender,
  credentialsFrom,
  resolveTencentCredentials,
  signTc3,
  type Tc3Credentials,
  tencentProtocol,
} from "@voicetask/core";
import type { TencentCredentialsOption } from "./credentials.js";
import { type OperationName, operations } from "./generated/operations.js";
import { service } from "./generated/service.js";
import { internals } from "./internals.js";
import { type MethodName, methods } from "./methods.js";
import { tcHeaders } from "./tc-action.js";
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

/**
 * A TRTC client: one method per action. The openapi-fetch client for the raw API is opt-in, from
 * `@voicetask/trtc/raw` (`rawClient(client)`), so programs that only call the methods never carry it.
 */
export interface TrtcClient extends Methods {}

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

  const baseUrl = (options.endpoint ?? siteUrl(options.site ?? "intl")).replace(/\/$/, "");
  const { language } = options;
  const client = {} as TrtcClient;
  internals.set(client, { sender, baseUrl, region, language });
  for (const [method, name] of Object.entries(methods) as [MethodName, OperationName][]) {
    const op = operations[name];
    (client as unknown as Record<string, unknown>)[method] = async (body: object, o: CallOptions = {}) => {
      // `POST <base>/` with the action's X-TC-* headers; the sender limits, signs, sends, retries and answers
      // the envelope's `Response` object (an error answer is thrown, typed).
      const request = new Request(`${baseUrl}/`, {
        method: "POST",
        headers: tcHeaders(op.action, service.version, region, language),
        body: JSON.stringify(body) || "{}",
      });
      const { data } = await (await sender()).send(request, op, { ...o, body });
      return data;
    };
  }
  return client;
}
