import {
  type AwsCredentials,
  awsRestJsonProtocol,
  type ClientSendingOptions,
  clientSender,
  credentialsFrom,
  type OperationInfo,
  resolveAwsCredentials,
  senderFetch,
  signSigV4,
} from "@voicetask/core";
import type { Client } from "openapi-fetch";
import type { AwsCredentialsOption } from "./credentials.js";
import { withDates } from "./dates.js";
import { type OperationName, operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { service } from "./generated/service.js";
import { splitInput } from "./input.js";
import { type MethodName, methods } from "./methods.js";
import { createClient } from "./openapi-fetch.js";
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

export interface ChimeSdkVoiceClient extends Methods {
  /**
   * The openapi-fetch client underneath, for what the methods do not cover. It signs, limits and retries the
   * same way; a provider error is thrown (typed), never returned in `error`.
   */
  readonly raw: Client<paths>;
}

const byPath = new Map<string, OperationInfo>(Object.values(operations).map((op) => [op.path, op]));

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

  // Raw calls: the middleware records which operation a request is for, keyed by the Request object.
  const operationOfRequest = new WeakMap<Request, OperationInfo>();
  const raw = createClient<paths>({
    baseUrl: options.endpoint ?? service.endpoints[0].url.replace("{region}", region),
    fetch: senderFetch(sender, (request) => {
      const op = operationOfRequest.get(request);
      if (!op) throw new TypeError(`No Chime SDK Voice operation for ${request.method} ${request.url}`);
      return op;
    }),
  });
  raw.use({
    onRequest({ request, schemaPath }) {
      const op = byPath.get(schemaPath);
      if (op) operationOfRequest.set(request, op);
    },
  });

  const client = { raw } as ChimeSdkVoiceClient;
  for (const [method, name] of Object.entries(methods) as [MethodName, OperationName][]) {
    const op = operations[name];
    (client as unknown as Record<string, unknown>)[method] = async (
      input: Record<string, unknown>,
      o: CallOptions = {},
    ) => {
      const { path, body } = splitInput(op.path, input);
      const { data, response } = await raw.request(
        op.method as never, // openapi-fetch upper-cases it again
        op.path as never,
        {
          params: { path },
          body,
          fetch: senderFetch(
            sender,
            () => op,
            () => o,
          ),
        } as never,
      );
      return {
        ...withDates((data ?? {}) as object),
        $metadata: {
          httpStatusCode: response.status,
          requestId: response.headers.get("x-amzn-requestid") ?? undefined,
        },
      };
    };
  }
  return client;
}
