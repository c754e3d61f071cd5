import type { Sender } from "@voicetask/core";
import type { ChimeSdkVoiceTarget } from "./request.js";

/** What `rawClient` (the `/raw` entry) needs of a client made by `createChimeSdkVoiceClient`, kept out of its public shape. */
export interface ClientInternals {
  /** The client's own sender: its limiter budget, retry quota and learned clock offset. */
  sender: () => Promise<Sender>;
  /** Where it sends (the raw client's base URL is `baseUrlOf(target)`). */
  target: ChimeSdkVoiceTarget;
}

export const internals = new WeakMap<object, ClientInternals>();
