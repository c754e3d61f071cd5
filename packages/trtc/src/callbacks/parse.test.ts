import { eventBodies, jsonText } from "@voicetask/test-kit/event-bodies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventParseError } from "../generated/event-parser.js";
import { AIConversationEventVariants } from "../generated/events.js";
import { model } from "../generated/model.js";
import { parseCallback } from "./parse.js";
import { signCallback, verifyCallback } from "./signature.js";
import { tencentExample } from "./tencent-example.fixture.js";

const [callback] = model.webhooks;
const examples = callback!.variants.flatMap((v) => v.examples.map((e) => [e.name, v.name, e.value] as const));
const numRuns = Math.min(Number(process.env.FAST_CHECK_RUNS ?? 200), 300);

function parseError(body: Parameters<typeof parseCallback>[0]): EventParseError {
  try {
    parseCallback(body);
  } catch (error) {
    if (error instanceof EventParseError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("parseCallback", () => {
  it.each(examples)(
    "reads the spec's example %s as %s (text, bytes and parsed JSON)",
    (_name, variant, value) => {
      const text = JSON.stringify(value, null, "\t");
      expect(parseCallback(text)).toEqual({ type: variant, event: value });
      expect(parseCallback(new TextEncoder().encode(text))).toEqual({ type: variant, event: value });
      expect(parseCallback(value as object)).toEqual({ type: variant, event: value });
    },
  );

  it("types each variant by its EventType", () => {
    const parsed = parseCallback(callback!.variants[0]!.examples[0]!.value as object);
    if (parsed.type !== "TaskStartedEvent") throw new Error(parsed.type);
    expect(parsed.event.EventType).toBe(901);
    expect(parsed.event.EventInfo.Payload.Status).toBe(0);
  });

  it("keeps an EventType the spec does not describe as UnknownAIConversationEvent", () => {
    const body = {
      EventGroupId: 9,
      EventType: 910,
      EventInfo: { EventMsTs: 1, TaskId: "t", Payload: { New: 1 } },
    };
    expect(parseCallback(JSON.stringify(body))).toEqual({ type: "UnknownAIConversationEvent", event: body });
    const group15 = { ...body, EventGroupId: 15, EventType: 1501 };
    expect(parseCallback(group15).type).toBe("UnknownAIConversationEvent");
  });

  it("names the member and the rule a body breaks", () => {
    const started = structuredClone(callback!.variants[0]!.examples[0]!.value) as {
      EventInfo: { Payload: Record<string, unknown>; EventMsTs: unknown };
    };
    delete started.EventInfo.Payload.Status;
    expect(parseError(started)).toMatchObject({
      variant: "TaskStartedEvent",
      field: "EventInfo.Payload.Status",
      rule: "is required",
    });
    started.EventInfo.Payload.Status = "0";
    expect(parseError(started).message).toBe(
      "Invalid TaskStartedEvent: EventInfo.Payload.Status must be integer",
    );
    // Tencent's room event (group 2) is not an AI conversation event: kept only if it has the envelope, and
    // it lacks EventInfo.TaskId.
    expect(parseError(tencentExample.body).message).toBe(
      "Invalid UnknownAIConversationEvent: EventInfo.TaskId is required",
    );
  });

  it("refuses a body that is not UTF-8 JSON", () => {
    for (const body of ["", "{", "not json", new Uint8Array([0x7b, 0xff, 0x7d])])
      expect(parseError(body).message).toBe("Invalid callback: (body) is not UTF-8 JSON");
  });
});

describe("any callback body, signed with a key", () => {
  it("verifies and parses into the variant its EventType names", async () => {
    const key = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/);
    const signed = fc
      .tuple(eventBodies(AIConversationEventVariants), key)
      .chain(([{ variant, body }, k]) => jsonText(body).map((text) => ({ variant, body, text, key: k })));
    await fc.assert(
      fc.asyncProperty(signed, async ({ variant, body, text, key }) => {
        const sign = await signCallback(text, key);
        expect(await verifyCallback(text, sign, key)).toBe(true);
        const parsed = parseCallback(text);
        expect(parsed).toEqual({ type: variant, event: body });
        const named = callback!.variants.find((v) => v.values.EventType === parsed.event.EventType);
        expect(parsed.type).toBe(
          named && named.values.EventGroupId === parsed.event.EventGroupId
            ? named.name
            : "UnknownAIConversationEvent",
        );
      }),
      { numRuns },
    );
  });
});
