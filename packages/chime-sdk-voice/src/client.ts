import {
  type AwsCredentials,
  awsRestJsonProtocol,
  type ClientSendingOptions,
  checkRegion,
  clientSender,
  credentialsFrom,
  resolveAwsCredentials,
  type SendResult,
} from "@voicetask/core";
import type { AwsCredentialsOption } from "./credentials.js";
import { withDates } from "./dates.js";
import { clientMethods } from "./generated/client-methods.js";
import type { Methods } from "./generated/methods.js";
import { service } from "./generated/service.js";
import { internals } from "./internals.js";
import { buildRequest, type ChimeSdkVoiceTarget, signRequest } from "./request.js";

export interface ChimeSdkVoiceClientOptions extends ClientSendingOptions, ChimeSdkVoiceTarget {
  /** Keys, or a function answering them (called before each signing). Default: core's environment chain. */
  credentials?: AwsCredentialsOption;
}

/**
 * A Chime SDK Voice client: one method per operation (generated from the spec, with its documentation). The
 * openapi-fetch client for the raw API is opt-in, from `@voicetask/chime-sdk-voice/raw` (`rawClient(client)`), so
 * programs that only call the methods never carry it.
 */
export interface ChimeSdkVoiceClient extends Methods {}

/** An operation's output as the AWS SDK shapes it: the JSON body with dates, and `$metadata`. */
const outputOf = ({ data, response, requestId }: SendResult): object => ({
  ...withDates((data ?? {}) as object),
  $metadata: { httpStatusCode: response.status, requestId },
});

export function createChimeSdkVoiceClient(options: ChimeSdkVoiceClientOptions): ChimeSdkVoiceClient {
  checkRegion(options?.region, "createChimeSdkVoiceClient");
  const { region } = options;
  const target: ChimeSdkVoiceTarget = { region, endpoint: options.endpoint };
  const sender = clientSender<AwsCredentials>(options, {
    protocol: awsRestJsonProtocol,
    keyPrefix: `${service.provider}:${service.name}:${region}`,
    credentials: credentialsFrom(options.credentials, resolveAwsCredentials),
    credentialId: (c) => c.accessKeyId,
    sign: async (request, now, credentials) =>
      (await signRequest(request, { credentials, now, region })).request,
  });

  // The sender limits, signs, sends, retries and answers the parsed JSON body (an error answer is thrown). The
  // method answers the sender's own promise: a queued call holds no frame of the client's.
  const client = clientMethods((op, input, o) =>
    sender.send(buildRequest(op.name, input, target), op, { ...o, body: input, answer: outputOf }),
  );
  internals.set(client, { sender, target });
  return client as unknown as ChimeSdkVoiceClient;
}
