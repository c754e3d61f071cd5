import { describe, expect, it } from "vitest";
import { model } from "../generated/model.js";
import { callbackDedupeKey, createMemoryDedupeStore } from "./dedupe.js";
import { parseCallback } from "./parse.js";

describe("callbackDedupeKey", () => {
  it("is EventType, EventMsTs and TaskId (Tencent's identity of an event)", () => {
    const example = model.webhooks[0]!.variants[0]!.examples[0]!.value as object;
    expect(callbackDedupeKey(parseCallback(example))).toBe(
      "901:1622186275757:hKPD2Q7kBVzu-6ezFiqmcEBJQCykqbZrS9OOTE46uYlb4NvQDIaEXlpOlLXFtGBiado5oP0zfLDZs",
    );
  });
});

describe("createMemoryDedupeStore", () => {
  it("claims a key once, until it is released", () => {
    const store = createMemoryDedupeStore();
    expect(store.claim("a")).toBe(true);
    expect(store.claim("a")).toBe(false);
    expect(store.claim("b")).toBe(true);
    store.release("a");
    expect(store.claim("a")).toBe(true);
  });

  it("forgets a key after its time to live", () => {
    let now = 1_000;
    const store = createMemoryDedupeStore({ ttlMs: 100, now: () => now });
    expect(store.claim("a")).toBe(true);
    now += 99;
    expect(store.claim("a")).toBe(false);
    now += 1;
    expect(store.claim("a")).toBe(true);
  });

  it("never holds more than maxKeys keys: the oldest go first", () => {
    const store = createMemoryDedupeStore({ maxKeys: 3 });
    for (const key of ["a", "b", "c", "d"]) expect(store.claim(key)).toBe(true);
    expect(store.claim("a")).toBe(true); // evicted
    expect(store.claim("d")).toBe(false);
    for (let i = 0; i < 10_000; i++) store.claim(`k${i}`);
    expect(store.claim("k9999")).toBe(false);
    expect(store.claim("k9996")).toBe(true);
  });
});
