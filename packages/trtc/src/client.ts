import {
  type ClientSendingOptions,
  checkRegion,
  clientSender,
  credentialsFrom,
  resolveTencentCredentials,
  type SendResult,
  type Tc3Credentials,
  tencentProtocol,
} from "@voicetask/core";
import type { TencentCredentialsOption } from "./credentials.js";
import { clientMethods } from "./generated/client-methods.js";
import type { Methods } from "./generated/methods.js";
import { service } from "./generated/service.js";
import { internals } from "./internals.js";
import { buildRequest, signRequest, type TrtcTarget } from "./request.js";

export interface TrtcClientOptions extends ClientSendingOptions, TrtcTarget {
  /** Keys, or a function answering them. Default: core's chain (the `TENCENTCLOUD_*` environment variables). */
  credentials?: TencentCredentialsOption;
}

/**
 * A TRTC client: one method per action (generated from the spec, with its documentation). The openapi-fetch
 * client for the raw API is opt-in, from `@voicetask/trtc/raw` (`rawClient(client)`), so programs that only call
 * the methods never carry it.
 */
export interface TrtcClient extends Methods {}

const dataOf = (result: SendResult): unknown => result.data;

export function createTrtcClient(options: TrtcClientOptions): TrtcClient {
  checkRegion(options?.region, "createTrtcClient");
  const { region, site, endpoint, language } = options;
  const target: TrtcTarget = { region, site, endpoint, language };
  const sender = clientSender<Tc3Credentials>(options, {
    protocol: tencentProtocol,
    keyPrefix: `${service.provider}:${service.name}:${region}`,
    credentials: credentialsFrom(options.credentials, resolveTencentCredentials),
    credentialId: (c) => c.secretId,
    sign: async (request, now, credentials) => (await signRequest(request, { credentials, now })).request,
  });

  // The sender limits, signs, sends, retries and answers the envelope's `Response` object (an error answer is
  // thrown, typed). The method answers the sender's own promise: a queued call holds no frame of the client's.
  // The body's idempotency field, when a resend needs it, is read back from the wire body (the input as JSON).
  const client = clientMethods((op, body, o) =>
    sender.send(buildRequest(op.name, body, target), op, { ...o, answer: dataOf }),
  );
  internals.set(client, { sender, target });
  return client as unknown as TrtcClient;
}
