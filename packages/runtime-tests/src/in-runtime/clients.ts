// Our clients as the suite makes them: against the mock, one account per case.
import { type ChimeSdkVoiceClientOptions, createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { createTrtcClient, type TrtcClientOptions } from "@voicetask/trtc";
import { type Account, CHIME_REGION, type RunConfig, TRTC_REGION } from "./config.js";
import type { ChimeCall, TrtcCall } from "./lifecycles.js";

type Extra<O> = Omit<Partial<O>, "region" | "endpoint">;

export const trtcClient = (config: RunConfig, account: Account, extra: Extra<TrtcClientOptions> = {}) =>
  createTrtcClient({
    region: TRTC_REGION,
    endpoint: config.endpoint,
    credentials: config.tencent[account],
    ...extra,
  });

export const chimeClient = (
  config: RunConfig,
  account: Account,
  extra: Extra<ChimeSdkVoiceClientOptions> = {},
) =>
  createChimeSdkVoiceClient({
    region: CHIME_REGION,
    endpoint: config.endpoint,
    credentials: config.aws[account],
    ...extra,
  });

const methodOf = (name: string) => name[0]!.toLowerCase() + name.slice(1);

/** A TRTC action through our client's method (`StopAIConversation` → `stopAIConversation`). */
export function trtcCall(client: object): TrtcCall {
  return async (action, params) => {
    const method = (client as Record<string, (p: unknown) => Promise<Record<string, unknown>>>)[
      methodOf(action)
    ]!;
    const { RequestId: _, ...rest } = await method(params);
    return rest;
  };
}

/** A Chime operation through our client's method (`GetSpeakerSearchTask` → `getSpeakerSearchTask`). */
export function chimeCall(client: object): ChimeCall {
  return async (operation, input) => {
    const method = (client as Record<string, (p: unknown) => Promise<Record<string, unknown>>>)[
      methodOf(operation)
    ]!;
    const { $metadata: _, ...rest } = await method(input);
    return rest;
  };
}
