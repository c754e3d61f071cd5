import { describe, expect, it } from "vitest";
import { signSigV4 } from "../sign-sigv4.js";
import { signTc3 } from "../sign-tc3.js";
import { bodySource } from "./node.js";
import { bodySource as webBodySource } from "./web.js";

const url = "https://trtc.tencentcloudapi.com/";
const post = (body: BodyInit) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tc-action": "StopAIConversation" },
    body,
    duplex: "half", // required for a stream body, ignored otherwise
  } as RequestInit);
const text = '{"TaskId":"t-1","Text":"你好 héllo"}';
const bytes = new TextEncoder().encode(text);
const credentials = { secretId: "AKIDTEST", secretKey: "not-a-real-secret" };
const stream = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

// These tests pin the undici that runs them (Node 20's): if a Node update moves the field, the first block
// fails and says so, while the signers stay correct through the standard read (the second block).
describe("bodySource on Node's Request (undici keeps what the body was made from)", () => {
  it("answers the string or bytes the request will send, without using the body", async () => {
    expect(bodySource(post(text))).toBe(text);
    expect(bodySource(post(bytes))).toEqual(bytes);
    expect(bodySource(post(bytes.buffer))).toEqual(bytes);
    expect(bodySource(post(new DataView(bytes.buffer, 2, 5)))).toEqual(bytes.subarray(2, 7));
    expect(bodySource(post(new URLSearchParams({ a: "1 2", b: "ü" })))).toBe("a=1+2&b=%C3%BC");
    const copy = new Request(post(text), { headers: { "x-extra": "1" } });
    expect(bodySource(copy)).toBe(text);
    const request = post(text);
    bodySource(request);
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe(text);
  });

  it("answers nothing when the source is not the bytes sent, or the body is gone", async () => {
    expect(bodySource(post(stream()))).toBeUndefined();
    expect(bodySource(post(new Blob([text])))).toBeUndefined();
    const form = new FormData();
    form.set("a", "1");
    expect(bodySource(post(form))).toBeUndefined();
    const cloned = post(bytes);
    await cloned.clone().arrayBuffer();
    expect(bodySource(cloned)).toBeUndefined();
    expect(new Uint8Array(await cloned.arrayBuffer())).toEqual(bytes);
    const lookalike = { bodyUsed: false, body: stream(), [Symbol("state")]: { body: { source: "forged" } } };
    expect(bodySource(lookalike as unknown as Request)).toBeUndefined();
  });

  it("signs a request whose body was already read, which still cannot be sent", async () => {
    const used = post(text);
    await used.text();
    const signed = await signTc3(used, { credentials, timestamp: 1 });
    expect(signed.headers.get("authorization")).toMatch(/^TC3-HMAC-SHA256 /);
    // fetch(signed) starts with this same copy, and fails the same way before anything is sent.
    expect(() => new Request(signed)).toThrow(TypeError);
  });

  it("is never used by browsers and edge runtimes (their variant answers nothing)", () => {
    expect(webBodySource(post(text))).toBeUndefined();
  });
});

describe("signers with a kept body: in place, and the same signature as a read body", () => {
  const bodies: [string, () => BodyInit][] = [
    ["string", () => text],
    ["bytes", () => bytes],
    ["URLSearchParams", () => new URLSearchParams({ q: "a b" })],
    ["stream (read, then copied)", stream],
    ["Blob (read, then copied)", () => new Blob([text])],
  ];

  it.each(bodies)("signTc3, %s body", async (name, make) => {
    const request = post(make());
    const signed = await signTc3(request, { credentials, timestamp: 1 });
    const sent = await signed.text();
    const reference = await signTc3(post(make()), { credentials, timestamp: 1, payload: sent });
    expect(signed.headers.get("authorization")).toBe(reference.headers.get("authorization"));
    expect(signed === request).toBe(!name.includes("read, then copied"));
  });

  it.each(bodies)("signSigV4, %s body", async (name, make) => {
    const o = { credentials: { accessKeyId: "AKID", secretAccessKey: "secret" }, region: "us-east-1" };
    const request = post(make());
    const signed = await signSigV4(request, { ...o, service: "chime", date: new Date(0) });
    const sent = await signed.text();
    const reference = await signSigV4(post(make()), {
      ...o,
      service: "chime",
      date: new Date(0),
      payload: sent,
    });
    expect(signed.headers.get("authorization")).toBe(reference.headers.get("authorization"));
    expect(signed.headers.get("x-amz-content-sha256")).toBe(reference.headers.get("x-amz-content-sha256"));
    expect(signed === request).toBe(!name.includes("read, then copied"));
  });
});
