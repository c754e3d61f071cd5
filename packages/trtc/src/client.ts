import {
  type CallOptions,
  type ClientSendingOptions,
  checkRegion,
  clientSender,
  credentialsFrom,
  recoverExisting,
  resolveTencentCredentials,
  signTc3,
  type Tc3Credentials,
  tencentProtocol,
} from "@voicetask/core";
import type { TencentCredentialsOption } from "./credentials.js";
import type { Methods } from "./generated/methods.js";
import { operations } from "./generated/operations.js";
import { service } from "./generated/service.js";
import { internals } from "./internals.js";
import { baseUrlOf, buildRequest, type TrtcTarget } from "./request.js";

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

export function createTrtcClient(options: TrtcClientOptions): TrtcClient {
  checkRegion(options?.region, "createTrtcClient");
  const target: TrtcTarget = { region: options.region, site: options.site, endpoint: options.endpoint };
  if (options.language) target.language = options.language;
  const sender = clientSender<Tc3Credentials>(options, {
    protocol: tencentProtocol,
    keyPrefix: `${service.provider}:${service.name}:${options.region}`,
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

  const client = {} as Record<string, (input: object, o?: CallOptions) => Promise<unknown>>;
  internals.set(client, { sender, baseUrl: baseUrlOf(target), target });
  const call = (name: string, input: object, o?: CallOptions) =>
    client[operations[name as keyof typeof operations].method]!(input, o);
  for (const op of Object.values(operations)) {
    const exists = "exists" in op ? op.exists : undefined;
    client[op.method] = (body: object, o: CallOptions = {}) =>
      // A resend that meets "already exists" for the call's own idempotency key answers what it created.
      recoverExisting(
        async () => {
          // The sender limits, signs, sends, retries and answers the envelope's `Response` object (an error
          // answer is thrown, typed).
          const wire = buildRequest(op.name, body, target);
          const request = new Request(wire.url, {
            method: wire.method,
            headers: wire.headers,
            body: wire.body,
          });
          const { data } = await (await sender()).send(request, op, { ...o, body });
          return data;
        },
        exists,
        body,
        (name, input) => call(name, input, o),
      );
  }
  return client as unknown as TrtcClient;
}
