import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { model } from "../generated/model.js";
import type { DedupeStore } from "./dedupe.js";
import { type CallbackHandlerOptions, createCallbackHandler } from "./handler.js";
import type { CallbackEvent } from "./parse.js";
import { signCallback } from "./signature.js";

const KEY = "Abc123CallbackKey";
const examples = model.webhooks[0]!.variants.flatMap((v) =>
  v.examples.map((e) => e.value as Record<string, unknown>),
);
const started = examples[0]!;
const text = (value: unknown) => JSON.stringify(value, null, "\t");

async function post(
  body: string | Uint8Array,
  init: { sign?: string | null; headers?: Record<string, string> } = {},
) {
  const sign = init.sign === undefined ? await signCallback(body, KEY) : init.sign;
  return new Request("https://receiver.example/trtc/callbacks", {
    method: "POST",
    body: body as BodyInit,
    headers: {
      "Content-Type": "application/json",
      SdkAppId: "1400000001",
      ...(sign === null ? {} : { Sign: sign }),
      ...init.headers,
    },
  });
}

function receiver(options: Partial<CallbackHandlerOptions> = {}) {
  const events: CallbackEvent[] = [];
  const appIds: (string | null)[] = [];
  const handler = createCallbackHandler({
    key: KEY,
    onEvent(event, context) {
      events.push(event);
      appIds.push(context.sdkAppId);
    },
    ...options,
  });
  return { handler, events, appIds };
}

describe("createCallbackHandler", () => {
  it("verifies, parses and answers 200 {code:0} for every documented event", async () => {
    const { handler, events, appIds } = receiver();
    for (const example of examples) {
      const response = await handler(await post(text(example)));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ code: 0 });
    }
    expect(events.map((e) => e.event)).toEqual(examples);
    expect(events.map((e) => e.type)).toContain("UnknownAIConversationEvent");
    expect(new Set(appIds)).toEqual(new Set(["1400000001"]));
  });

  it("lets a duplicate reach onEvent once, also when the copies arrive together", async () => {
    const { handler, events } = receiver();
    const body = text(started);
    const answers = await Promise.all(Array.from({ length: 5 }, async () => handler(await post(body))));
    for (let i = 0; i < 3; i++) answers.push(await handler(await post(JSON.stringify(started))));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(events).toHaveLength(1);
    // Another moment of the same task and type is another event.
    const later = { ...started, EventInfo: { ...(started.EventInfo as object), EventMsTs: 1622186275758 } };
    await handler(await post(text(later)));
    expect(events).toHaveLength(2);
  });

  it("delivers every copy with dedupe: false, and uses a store it is given", async () => {
    const plain = receiver({ dedupe: false });
    for (let i = 0; i < 2; i++) await plain.handler(await post(text(started)));
    expect(plain.events).toHaveLength(2);

    const claimed: string[] = [];
    const store: DedupeStore = {
      claim: async (key) => {
        claimed.push(key);
        return claimed.indexOf(key) === claimed.length - 1;
      },
      release: () => {},
    };
    const custom = receiver({ dedupe: store });
    for (let i = 0; i < 2; i++) await custom.handler(await post(text(started)));
    expect(custom.events).toHaveLength(1);
    expect(claimed).toEqual([claimed[0], claimed[0]]);
    expect(claimed[0]).toMatch(/^901:1622186275757:/);
  });

  it("answers 401 to a wrong or missing Sign, and onEvent never sees the event", async () => {
    const { handler, events } = receiver();
    const body = text(started);
    const wrongKey = await signCallback(body, "another-key");
    for (const request of [await post(body, { sign: wrongKey }), await post(body, { sign: null })]) {
      const response = await handler(request);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 401, message: "Sign does not match the body" });
    }
    // Signed, then changed by one byte on the way.
    const tampered = await post(body.replace("901", "902"), { sign: await signCallback(body, KEY) });
    expect((await handler(tampered)).status).toBe(401);
    expect(events).toEqual([]);
  });

  it("answers 400 naming the member to a signed body that is not a callback", async () => {
    const { handler, events } = receiver();
    const broken = structuredClone(started) as { EventInfo: { Payload: Record<string, unknown> } };
    delete broken.EventInfo.Payload.Status;
    const response = await handler(await post(text(broken)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 400,
      message: "Invalid TaskStartedEvent: EventInfo.Payload.Status is required",
    });
    expect((await handler(await post("not json"))).status).toBe(400);
    expect(events).toEqual([]);
  });

  it("answers 405 to other methods and 413 to a body over the limit, declared or streamed", async () => {
    const { handler } = receiver({ maxBodyBytes: 64 });
    expect((await handler(new Request("https://r.example/", { method: "GET" }))).status).toBe(405);
    expect((await handler(await post("x".repeat(65)))).status).toBe(413);
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(40)); // never ends: the handler must stop reading
      },
    });
    const streamed = new Request("https://r.example/", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await handler(streamed)).status).toBe(413);
  });

  it("answers 500 when onEvent fails, and takes the redelivery", async () => {
    let calls = 0;
    const handler = createCallbackHandler({
      key: KEY,
      onEvent() {
        calls++;
        if (calls === 1) throw new Error(`downstream is down (${KEY})`);
      },
    });
    const first = await handler(await post(text(started)));
    expect(first.status).toBe(500);
    expect(await first.text()).not.toContain(KEY);
    expect((await handler(await post(text(started)))).status).toBe(200);
    expect((await handler(await post(text(started)))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it("needs a key", () => {
    expect(() => createCallbackHandler({ key: "", onEvent() {} })).toThrow(/callback key/);
  });

  it("never throws and never shows the key, whatever the sender posts", async () => {
    const { handler } = receiver();
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: "grapheme" }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom(...examples.map(text)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), fc.option(fc.string()), async (body, signed, sign) => {
        const response = await handler(await post(body, { sign: signed ? undefined : sign }));
        expect([200, 400, 401]).toContain(response.status);
        const answer = await response.text();
        expect(answer).not.toContain(KEY);
        expect(JSON.parse(answer)).toHaveProperty("code");
      }),
      { numRuns: 100 },
    );
  });
});
