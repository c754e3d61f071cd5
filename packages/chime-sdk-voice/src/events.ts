// @voicetask/chime-sdk-voice/events: reading the EventBridge events of speaker search (and the Voice
// Connector's streaming status) however they arrive: as a Lambda's event, in an SQS message body, in an SNS
// notification's Message. Edge-safe and apart from the client.

import { EventParseError } from "./generated/event-parser.js";
import { type ParsedChimeEvent, parseChimeEvent } from "./generated/events.js";

export { EventParseError };

/**
 * An event read against the spec: `type` names the variant (`IdentificationSuccessfulEvent`,
 * `StreamingStartedEvent`, …) and `event` is the EventBridge event, typed. Any other `aws.chime` event arrives as
 * `UnknownChimeEvent`.
 */
export type ChimeEvent = ParsedChimeEvent;

/** The event type of one variant, e.g. `ChimeEventOf<"IdentificationSuccessfulEvent">`. */
export type ChimeEventOf<T extends ChimeEvent["type"]> = Extract<ChimeEvent, { type: T }>["event"];

const decoder = new TextDecoder("utf-8", { fatal: true });
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function json(text: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof text === "string" ? text : decoder.decode(text));
  } catch {
    throw new EventParseError("event", "(body)", "is not UTF-8 JSON");
  }
}

/** The EventBridge event inside a delivery: itself, an SQS message's body, or an SNS notification's Message. */
function unwrap(delivery: unknown, depth = 0): unknown {
  const value = typeof delivery === "string" || delivery instanceof Uint8Array ? json(delivery) : delivery;
  if (!isObject(value) || "detail-type" in value || depth > 3) return value;
  // SNS: the notification ({ Type: "Notification", Message }) or a Lambda record ({ Sns: { Message } }).
  if (typeof value.Message === "string") return unwrap(value.Message, depth + 1);
  if (isObject(value.Sns)) return unwrap(value.Sns, depth + 1);
  // SQS: a Lambda record ({ body }) or a ReceiveMessage message ({ Body }); the body may hold an SNS notification.
  const body = value.body ?? value.Body;
  return typeof body === "string" ? unwrap(body, depth + 1) : value;
}

/**
 * Reads one Chime event as its variant, from what the target received: the EventBridge event (a Lambda's
 * `event`, or its JSON text), an SQS message (`{ body }` in a Lambda record, `{ Body }` from ReceiveMessage), or
 * an SNS notification (`{ Message }`, or `{ Sns: { Message } }` in a Lambda record), also SNS inside SQS.
 * A Lambda batch is `event.Records.map(parseEvent)`. Throws an {@link EventParseError} naming the member when
 * the event is not valid; an event the spec does not describe is kept as `UnknownChimeEvent`.
 *
 * Events can arrive out of order (standard queues and topics): order them by `time`, or read the task again
 * with GetSpeakerSearchTask.
 */
export function parseEvent(delivery: unknown): ChimeEvent {
  return parseChimeEvent(unwrap(delivery));
}
