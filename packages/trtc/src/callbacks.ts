// @voicetask/trtc/callbacks: receiving TRTC's AI conversation callbacks. Edge-safe (Web Crypto, no Node
// modules) and apart from the client, so a receiver ships only this.

export {
  callbackDedupeKey,
  createMemoryDedupeStore,
  type DedupeStore,
  type MemoryDedupeStoreOptions,
} from "./callbacks/dedupe.js";
export {
  type CallbackContext,
  type CallbackHandlerOptions,
  createCallbackHandler,
} from "./callbacks/handler.js";
export { type CallbackEvent, type CallbackEventOf, parseCallback } from "./callbacks/parse.js";
export { signCallback, verifyCallback } from "./callbacks/signature.js";
export { EventParseError } from "./generated/event-parser.js";
