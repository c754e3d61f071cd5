import { EventParseError, parseEvent } from "@voicetask/chime-sdk-voice/events";
import { members, type Receiver } from "./receiver.js";

/**
 * Chime SDK Voice's EventBridge events, as an API destination (or an SNS subscription, an SQS body) delivers
 * them: read against the spec (`parseEvent`). EventBridge does not sign its events, so nothing is verified.
 */
export function chimeEvents(): Receiver {
  return {
    what: "Chime SDK Voice events",
    note: "EventBridge does not sign events: nothing to verify",
    async take(body) {
      try {
        const parsed = parseEvent(body);
        const event = parsed.event as { "detail-type"?: unknown; detail?: Record<string, unknown> };
        const { detailStatus, streamingStatus, ...rest } = event.detail ?? {};
        const status = detailStatus ?? streamingStatus;
        const summary = `${String(event["detail-type"])}${status ? ` ${String(status)}` : ""} ${parsed.type} ${members(rest)}`;
        return {
          status: 200,
          verified: undefined,
          type: parsed.type,
          event: parsed.event,
          summary: summary.trimEnd(),
        };
      } catch (error) {
        if (!(error instanceof EventParseError)) throw error;
        return { status: 400, verified: undefined, summary: "not an event", problem: error.message };
      }
    },
  };
}
