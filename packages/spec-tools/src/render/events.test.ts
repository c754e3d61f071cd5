import type { ApiModel } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { findApi } from "../apis.js";
import { modelApis } from "../generate.js";
import { compactSchema, eventVariants } from "./events.js";
import { parseEvent } from "./runtime/event-parser.js";

describe("compactSchema", () => {
  it("keeps the rules and drops what says nothing about validity", () => {
    expect(
      compactSchema(
        {
          type: "object",
          description: "d",
          "x-schema-name": "S",
          required: ["a"],
          additionalProperties: true,
          properties: {
            a: { type: "string", format: "date-time", examples: ["x"], description: "a" },
            b: { type: "array", maxItems: 3, items: { const: 1, title: "t" } },
            c: { type: "object", additionalProperties: { type: "string", description: "v" } },
          },
        },
        "S",
      ),
    ).toEqual({
      type: "object",
      required: ["a"],
      properties: {
        a: { type: "string" },
        b: { type: "array", maxItems: 3, items: { const: 1 } },
        c: { type: "object", additionalProperties: { type: "string" } },
      },
    });
  });

  it("fails, naming the member, on a rule the event parser cannot check", () => {
    expect(() => compactSchema({ properties: { id: { type: "string", pattern: "^a" } } }, "Event")).toThrow(
      /Event.id: event schemas cannot use pattern/,
    );
  });
});

describe("the generated tables read the specs' own examples as their variants", async () => {
  const models = (await modelApis(undefined, [findApi("trtc"), findApi("chime-sdk-voice")])).map(
    (m) => m.model,
  );
  const cases = models.flatMap((model: ApiModel) =>
    model.webhooks.flatMap((webhook) =>
      webhook.variants.flatMap((variant) =>
        variant.examples.map(
          (example) => [`${model.name} ${example.name}`, webhook, variant.name, example.value] as const,
        ),
      ),
    ),
  );

  it.each(cases)("%s", (_name, webhook, variant, value) => {
    expect(parseEvent(eventVariants(webhook), value)).toEqual({ type: variant, event: value });
  });
});
