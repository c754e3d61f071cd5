import { EventParseError } from "../generated/event-parser.js";
import { type ParsedAIConversationEvent, parseAIConversationEvent } from "../generated/events.js";

/**
 * A callback read against the spec: `type` names the variant (`TaskStartedEvent` for 901, …) and `event` is the
 * body, typed. An event type the spec does not describe arrives as `UnknownAIConversationEvent`.
 */
export type CallbackEvent = ParsedAIConversationEvent;

/** The body type of one variant, e.g. `CallbackEventOf<"SentenceEvent">`. */
export type CallbackEventOf<T extends CallbackEvent["type"]> = Extract<CallbackEvent, { type: T }>["event"];

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a callback body (the raw bytes or text as received, or already-parsed JSON) as its variant. Throws an
 * {@link EventParseError} naming the member and the rule when the body is not a valid callback; an unknown
 * `EventType` is kept as `UnknownAIConversationEvent`, never dropped. Verify the `Sign` first
 * ({@link verifyCallback}): parsing checks the shape, not who sent it.
 */
export function parseCallback(body: string | Uint8Array | object): CallbackEvent {
  let json: unknown = body;
  if (typeof body === "string" || body instanceof Uint8Array) {
    try {
      json = JSON.parse(typeof body === "string" ? body : decoder.decode(body));
    } catch {
      throw new EventParseError("callback", "(body)", "is not UTF-8 JSON");
    }
  }
  return parseAIConversationEvent(json);
}
