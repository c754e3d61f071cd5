import { createRedactor } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { parseCredentials } from "../credentials.js";
import { EventTargets } from "./targets.js";

describe("event targets", () => {
  it("keeps a callback target per SdkAppId and never shows its key, which the redactor now masks", () => {
    const redactor = createRedactor();
    const targets = new EventTargets(redactor, 2);
    expect(targets.setCallback("1400000001", { url: "http://127.0.0.1:9/cb", key: "abcDEF123" })).toEqual({
      sdkAppId: "1400000001",
      url: "http://127.0.0.1:9/cb",
      signed: true,
    });
    expect(targets.callback(1400000001)?.key).toBe("abcDEF123");
    expect(JSON.stringify(targets.list())).not.toContain("abcDEF123");
    expect(redactor.text("the key is abcDEF123")).not.toContain("abcDEF123");
  });

  it("refuses what it cannot post to, naming the member and the rule, and bounds how many it keeps", () => {
    const targets = new EventTargets(createRedactor(), 1);
    expect(() => targets.setCallback("1", { url: "file:///etc/passwd" })).toThrow(/url must be an http/);
    expect(() => targets.setCallback("1", { url: "not a url" })).toThrow(/url must be an absolute/);
    expect(() => targets.setCallback("1", { url: "http://x/", key: "has space" })).toThrow(
      /key must be 1 to 32/,
    );
    expect(() => targets.setCallback("app", { url: "http://x/" })).toThrow(/sdkAppId/);
    targets.setCallback("1", { url: "http://x/" });
    targets.setCallback("1", { url: "http://y/" }); // replacing is not adding
    expect(() => targets.setCallback("2", { url: "http://x/" })).toThrow(/at most 1 callback targets/);
    targets.setEventTarget("AKIA1", "https://events.example/");
    expect(() => targets.setEventTarget("AKIA2", "https://events.example/")).toThrow(
      /at most 1 event targets/,
    );
    expect(targets.deleteEventTarget("AKIA1")).toBe(true);
    expect(targets.deleteEventTarget("AKIA1")).toBe(false);
  });

  it("the credentials file carries callbacks per SdkAppId and an event target per AWS key", () => {
    const doc = {
      tencent: [
        { secretId: "AKID1", secretKey: "s", callbacks: { "1400000001": { url: "http://h/", key: "k1" } } },
      ],
      aws: [{ accessKeyId: "AKIA1", secretAccessKey: "s", eventTarget: "https://h/events" }],
    };
    expect(parseCredentials(doc)).toEqual(doc);
    const badKey = {
      tencent: [{ ...doc.tencent[0], callbacks: { "1400000001": { url: "http://h/", key: "k-1" } } }],
    };
    expect(() => parseCredentials(badKey)).toThrow(/\/tencent\/0\/callbacks\/1400000001\/key must match/);
    expect(() => parseCredentials({ aws: [{ ...doc.aws[0], eventTarget: "ftp://h/" }] })).toThrow(
      /\/aws\/0\/eventTarget must match/,
    );
  });
});
