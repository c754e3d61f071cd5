import { eventBodies } from "@voicetask/test-kit/event-bodies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChimeEvent, EventParseError, parseEvent } from "./events.js";
import { ChimeEventVariants } from "./generated/events.js";
import { model } from "./generated/model.js";

const [webhook] = model.webhooks;
const examples = webhook!.variants.flatMap((v) => v.examples.map((e) => [e.name, v.name, e.value] as const));
const numRuns = Math.min(Number(process.env.FAST_CHECK_RUNS ?? 200), 300);

/** The ways a target receives one EventBridge event. */
const deliveries: [string, (event: unknown) => unknown][] = [
  ["the event (Lambda target)", (event) => event],
  ["its JSON text", (event) => JSON.stringify(event)],
  ["its UTF-8 bytes", (event) => new TextEncoder().encode(JSON.stringify(event))],
  [
    "an SQS record in a Lambda batch",
    (event) => ({ messageId: "m-1", body: JSON.stringify(event), eventSource: "aws:sqs" }),
  ],
  ["an SQS message from ReceiveMessage", (event) => ({ MessageId: "m-1", Body: JSON.stringify(event) })],
  [
    "an SNS notification",
    (event) => ({ Type: "Notification", MessageId: "n-1", Message: JSON.stringify(event) }),
  ],
  [
    "an SNS record in a Lambda batch",
    (event) => ({ EventSource: "aws:sns", Sns: { Type: "Notification", Message: JSON.stringify(event) } }),
  ],
  [
    "an SNS notification in an SQS message",
    (event) => ({ body: JSON.stringify({ Type: "Notification", Message: JSON.stringify(event) }) }),
  ],
];

function parseError(delivery: unknown): EventParseError {
  try {
    parseEvent(delivery);
  } catch (error) {
    if (error instanceof EventParseError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("parseEvent", () => {
  it.each(examples)("reads the spec's example %s as %s", (_name, variant, value) => {
    expect(parseEvent(value)).toEqual({ type: variant, event: value });
  });

  it.each(deliveries)("reads %s", (_how, deliver) => {
    const event = examples[0]![2];
    expect(parseEvent(deliver(event))).toEqual({ type: "IdentificationSuccessfulEvent", event });
  });

  it("types each variant, with confidenceScore as the string the events carry", () => {
    const parsed: ChimeEvent = parseEvent(examples[0]![2]);
    if (parsed.type !== "IdentificationSuccessfulEvent") throw new Error(parsed.type);
    const [best] = parsed.event.detail.speakerSearchDetails.results;
    expect(best?.confidenceScore).toBe("0.94567856");
    expect(Number(best?.confidenceScore)).toBeCloseTo(0.94567856);
  });

  it("keeps an aws.chime event the spec does not describe as UnknownChimeEvent", () => {
    const event = {
      ...(examples[0]![2] as object),
      detail: { taskId: "t", detailStatus: "VoiceprintGenerationSuccessful" },
    };
    expect(parseEvent(event)).toEqual({ type: "UnknownChimeEvent", event });
  });

  it("names the member and the rule an event breaks", () => {
    const event = structuredClone(examples[0]![2]) as {
      detail: { speakerSearchDetails: { results: object[] } };
    };
    event.detail.speakerSearchDetails.results[1] = { voiceProfileId: "vp-1", confidenceScore: 0.9 };
    expect(parseError(event).message).toBe(
      "Invalid IdentificationSuccessfulEvent: detail.speakerSearchDetails.results[1].confidenceScore must be string",
    );
    expect(parseError({ ...(event as object), source: "aws.s3" }).field).toBe("source");
    expect(parseError("{not json").message).toBe("Invalid event: (body) is not UTF-8 JSON");
    expect(parseError({ body: "[]" }).message).toBe("Invalid UnknownChimeEvent: (body) must be object");
  });
});

describe("any Chime event, however it is delivered", () => {
  it("parses into the variant its detail-type and status name", () => {
    const delivered = fc.tuple(eventBodies(ChimeEventVariants), fc.constantFrom(...deliveries));
    fc.assert(
      fc.property(delivered, ([{ variant, body }, [, deliver]]) => {
        expect(parseEvent(deliver(body))).toEqual({ type: variant, event: body });
      }),
      { numRuns },
    );
  });
});
