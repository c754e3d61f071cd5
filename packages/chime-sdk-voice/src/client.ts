import {
  type AwsCredentials,
  awsRestJsonProtocol,
  type ClientSendingOptions,
  clientSender,
  credentialsFrom,
  resolveAwsCredentials,
  signSigV4,
} from "@voicetask/core";
import type { AwsCredentialsOption } from "./credentials.js";
import { withDates } from "./dates.js";
import { type OperationName, operations } from "./generated/operations.js";
import { service } from "./generated/service.js";
import { splitInput } from "./input.js";
import { internals } from "./internals.js";
import { type MethodName, methods } from "./methods.js";
import type { InputOf, OutputOf } from "./types.js";

export interface ChimeSdkVoiceClientOptions extends ClientSendingOptions {
  /** AWS Region, e.g. `us-east-1`: part of the default endpoint and of the SigV4 scope. */
  region: string;
  /** Keys, or a function answering them (called before each signing). Default: core's environment chain. */
  credentials?: AwsCredentialsOption;
  /** Base URL, e.g. a mock's `http://127.0.0.1:4566`. Default `https://voice-chime.<region>.amazonaws.com`. */
  endpoint?: string;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  timeoutMs?: number;
}

type Methods = {
  [M in MethodName]: (
    input: InputOf<(typeof methods)[M]>,
    options?: CallOptions,
  ) => Promise<OutputOf<(typeof methods)[M]>>;
};

/**
 * A Chime SDK Voice client: one method per operation. The openapi-fetch client for the raw API is opt-in, from
 * `@voicetask/chime-sdk-voice/raw` (`rawClient(client)`), so programs that only call the methods never carry it.
 */
export interface ChimeSdkVoiceClient extends Methods {}

export function createChimeSdkVoiceClient(options: ChimeSdkVoiceClientOptions): ChimeSdkVoiceClient {
  const { region } = options;
  const sender = clientSender<AwsCredentials>(options, {
    protocol: awsRestJsonProtocol,
    keyPrefix: `${service.provider}:${service.name}:${region}`,
    credentials: credentialsFrom(options.credentials, resolveAwsCredentials),
    credentialId: (c) => c.accessKeyId,
    sign: (request, now, payload, credentials) =>
      signSigV4(request, { credentials, region, service: service.signingName, date: new Date(now), payload }),
  });

  const baseUrl = (options.endpoint ?? service.endpoints[0].url.replace("{region}", region)).replace(
    /\/$/,
    "",
  );
  const client = {} as ChimeSdkVoiceClient;
  internals.set(client, { sender, baseUrl });
  for (const [method, name] of Object.entries(methods) as [MethodName, OperationName][]) {
    const op = operations[name];
    (client as unknown as Record<string, unknown>)[method] = async (
      input: Record<string, unknown>,
      o: CallOptions = {},
    ) => {
      const { path, body } = splitInput(op.path, input);
      const request = new Request(baseUrl + path, {
        method: op.method,
        headers: body ? { "Content-Type": "application/json" } : undefined,
        body: body && JSON.stringify(body),
      });
      // The sender limits, signs, sends, retries and answers the parsed JSON body (an error answer is thrown).
      const { data, response, requestId } = await (await sender()).send(request, op, { ...o, body });
      return {
        ...withDates((data ?? {}) as object),
        $metadata: { httpStatusCode: response.status, requestId },
      };
    };
  }
  return client;
}
