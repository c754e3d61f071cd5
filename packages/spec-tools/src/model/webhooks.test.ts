import type { ApiModel } from "@voicetask/core";
import { beforeAll, describe, expect, it } from "vitest";
import { findApi } from "../apis.js";
import { modelApis } from "../generate.js";
import { type JsonObject, SCHEMA_NAME } from "./load.js";
import { webhookModels } from "./webhooks.js";

/** The value at a dotted path (`detail.detailStatus`, `properties.detail.properties`). */
const dig = (value: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

describe("the webhooks of the specs, in the model", () => {
  let trtc: ApiModel;
  let chime: ApiModel;

  beforeAll(async () => {
    const modelled = await modelApis(undefined, [findApi("trtc"), findApi("chime-sdk-voice")]);
    trtc = modelled[0]!.model;
    chime = modelled[1]!.model;
  });

  it("TRTC: one variant per documented event type 901–909 (907 undocumented) and a catch-all", () => {
    const [callback] = trtc.webhooks;
    expect(callback?.name).toBe("AIConversationCallback");
    expect(callback?.method).toBe("POST");
    expect(callback?.discriminator).toEqual(["EventGroupId", "EventType"]);
    expect(callback?.headers.map((h) => [h.name, h.required])).toEqual([
      ["Sign", false],
      ["SdkAppId", true],
    ]);
    const known = callback!.variants.filter((v) => !v.catchAll);
    expect(known.map((v) => v.values.EventType)).toEqual([901, 902, 903, 904, 905, 906, 908, 909]);
    expect(known.every((v) => v.values.EventGroupId === 9)).toBe(true);
    expect(callback!.variants.filter((v) => v.catchAll).map((v) => v.name)).toEqual([
      "UnknownAIConversationEvent",
    ]);
    expect(callback!.responses).toEqual([
      expect.objectContaining({ status: 200, examples: [{ name: "example", value: { code: 0 } }] }),
    ]);
  });

  it("Chime: a variant per detail-type and status, a catch-all, and confidenceScore as a string", () => {
    const [events] = chime.webhooks;
    expect(events?.discriminator).toEqual(["detail-type", "detail.detailStatus", "detail.streamingStatus"]);
    const names = events!.variants.map((v) => v.name);
    expect(names).toContain("IdentificationSuccessfulEvent");
    expect(names).toContain("StreamingFailedEvent");
    expect(events!.variants.find((v) => v.name === "PostCallVoiceAnalyticsEvent")?.values).toEqual({
      "detail-type": "VoiceAnalyticsStatus",
      "detail.detailStatus": "PostCallVoiceAnalytics",
    });
    const success = events!.variants.find((v) => v.name === "IdentificationSuccessfulEvent")!;
    const results = "properties.detail.properties.speakerSearchDetails.properties.results";
    expect(dig(success.schema, `${results}.items.properties.confidenceScore.type`)).toBe("string");
    // GetSpeakerSearchTask answers the same score as a number.
    expect(dig(chime.schemas.SpeakerSearchResult, "properties.ConfidenceScore.type")).toBe("number");
  });

  it("gives every variant its examples (by the values at the discriminator) and one merged schema", () => {
    for (const webhook of [...trtc.webhooks, ...chime.webhooks]) {
      for (const variant of webhook.variants) {
        expect(variant.examples.length, variant.name).toBeGreaterThan(0);
        for (const example of variant.examples)
          for (const [path, value] of Object.entries(variant.values))
            expect(dig(example.value, path), `${example.name} ${path}`).toBe(value);
        expect(JSON.stringify(variant.schema), variant.name).not.toContain('"allOf"');
        expect(variant.schema[SCHEMA_NAME]).toBe(variant.name);
        expect(variant.description).not.toBe("");
      }
    }
  });
});

/** The body (media type) of a webhook whose variants are given: one example per variant. */
function media(variants: JsonObject[], extra: JsonObject = {}) {
  const schema: JsonObject = {
    [SCHEMA_NAME]: "Event",
    "x-discriminator": ["kind"],
    anyOf: variants,
    ...extra,
  };
  const examples: JsonObject = Object.fromEntries(
    variants.map((v, i) => [`e${i}`, { value: { kind: (dig(v, "properties.kind.const") as number) ?? 0 } }]),
  );
  return { schema, examples };
}

/** A dereferenced document with one webhook, `Hook`, whose body is `body`. */
const doc = (body: JsonObject): JsonObject => ({
  webhooks: {
    Hook: {
      post: {
        requestBody: { content: { "application/json": body } },
        responses: { "200": { description: "ok" } },
      },
    },
  },
});

const variant = (name: string, kind?: number): JsonObject => ({
  [SCHEMA_NAME]: name,
  type: "object",
  description: name,
  properties: { kind: kind === undefined ? { type: "integer" } : { const: kind } },
});

describe("webhook spec mistakes fail the generator, naming the webhook", () => {
  it("accepts a well-formed webhook", () => {
    const [hook] = webhookModels(doc(media([variant("A", 1), variant("Other")])));
    expect(hook?.variants.map((v) => [v.name, v.values, v.catchAll])).toEqual([
      ["A", { kind: 1 }, false],
      ["Other", {}, true],
    ]);
  });

  it.each([
    [
      "no x-discriminator",
      media([variant("A", 1), variant("Other")], { "x-discriminator": null }),
      /x-discriminator/,
    ],
    ["no catch-all", media([variant("A", 1), variant("B", 2)]), /exactly one catch-all variant .* has 0/],
    ["two catch-alls", media([variant("A", 1), variant("X"), variant("Y")]), /has 2 \(X, Y\)/],
    [
      "the same values twice",
      media([variant("A", 1), variant("B", 1), variant("Other")]),
      /A and B have the same/,
    ],
    [
      "an unnamed variant",
      media([{ type: "object" }, variant("Other")]),
      /every variant must be a named schema/,
    ],
  ])("%s", (_name, body, message) => {
    expect(() => webhookModels(doc(body))).toThrow(message);
  });

  it("a variant without an example", () => {
    const body = media([variant("A", 1), variant("B", 2), variant("Other")]);
    delete body.examples.e1;
    expect(() => webhookModels(doc(body))).toThrow(/webhook Hook: variant B has no example/);
  });

  it("oneOf instead of anyOf", () => {
    const { schema, examples } = media([variant("A", 1), variant("Other")]);
    const { anyOf, ...rest } = schema;
    expect(() => webhookModels(doc({ schema: { ...rest, oneOf: anyOf ?? [] }, examples }))).toThrow(
      /must be anyOf its variants/,
    );
  });
});
