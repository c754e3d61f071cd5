import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ControlGuard, hostName, isLoopbackName } from "./guard.js";

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const statusOf = (guard: ControlGuard, headers: Record<string, string>) => guard.check(req(headers))?.status;

describe("ControlGuard", () => {
  const local = new ControlGuard({ host: "127.0.0.1" });

  it("answers loopback names only, by default (DNS rebinding gets 403)", () => {
    for (const host of ["127.0.0.1:4010", "localhost:4010", "[::1]:4010", "app.localhost", "127.9.9.9"])
      expect(statusOf(local, { host })).toBeUndefined();
    for (const host of ["evil.example:4010", "10.0.0.5:4010", "127.0.0.1.evil.example", "[::2]:4010"])
      expect(statusOf(local, { host })).toBe(403);
  });

  it("widens to --host and --control-host names, or any with *", () => {
    const named = new ControlGuard({ host: "10.0.0.5", hosts: ["mock.internal"] });
    expect(statusOf(named, { host: "10.0.0.5:4010" })).toBeUndefined();
    expect(statusOf(named, { host: "MOCK.internal.:4010" })).toBeUndefined();
    expect(statusOf(named, { host: "evil.example" })).toBe(403);
    expect(statusOf(new ControlGuard({ host: "0.0.0.0" }), { host: "0.0.0.0:4010" })).toBe(403);
    expect(
      statusOf(new ControlGuard({ host: "0.0.0.0", hosts: ["*"] }), { host: "anything" }),
    ).toBeUndefined();
  });

  it("refuses what web pages send: an Origin, a Sec-Fetch-Site other than none", () => {
    expect(statusOf(local, { host: "127.0.0.1", origin: "https://evil.example" })).toBe(403);
    expect(statusOf(local, { host: "127.0.0.1", origin: "http://localhost:5173" })).toBe(403);
    expect(statusOf(local, { host: "127.0.0.1", "sec-fetch-site": "cross-site" })).toBe(403);
    expect(statusOf(local, { host: "127.0.0.1", "sec-fetch-site": "same-site" })).toBe(403);
    expect(statusOf(local, { host: "127.0.0.1", "sec-fetch-site": "none" })).toBeUndefined();
  });

  it("takes JSON bodies only (415): text/plain, forms, a body without a type", () => {
    const h = { host: "127.0.0.1" };
    expect(statusOf(local, { ...h, "content-type": "application/json; charset=utf-8" })).toBeUndefined();
    expect(statusOf(local, { ...h, "content-type": "text/plain" })).toBe(415);
    expect(statusOf(local, { ...h, "content-type": "application/x-www-form-urlencoded" })).toBe(415);
    expect(statusOf(local, { ...h, "content-length": "2" })).toBe(415);
    expect(statusOf(local, { ...h, "content-length": "0" })).toBeUndefined();
  });

  it("with a token, needs Authorization: Bearer <token> (401)", () => {
    const guarded = new ControlGuard({ host: "127.0.0.1", token: "s3cret-control-token" });
    expect(statusOf(guarded, { host: "127.0.0.1" })).toBe(401);
    expect(statusOf(guarded, { host: "127.0.0.1", authorization: "Bearer wrong-token" })).toBe(401);
    expect(
      statusOf(guarded, { host: "127.0.0.1", authorization: "Bearer s3cret-control-token" }),
    ).toBeUndefined();
  });

  it("reads host names as the Host header and URLs write them", () => {
    expect(hostName("[::1]:4010")).toBe("::1");
    expect(hostName("Example.COM.:80")).toBe("example.com");
    expect(hostName("::1")).toBe("::1");
    expect(isLoopbackName("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackName("localhost.evil.example")).toBe(false);
  });
});
