import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";
import { trtcHeaders } from "./support/sign.js";

const PAGE = "http://page.example:8080";
const OTHER = "http://other.example";
const CHIME_ROUTE = "/voice-connectors/abcdef1ghij2klmno3pqr4/speaker-search-tasks";
const TRTC_PREFLIGHT_HEADERS =
  "authorization,content-type,x-tc-action,x-tc-region,x-tc-timestamp,x-tc-version";

const preflight = (mock: MockServer, path: string, origin: string) =>
  raw(mock.url, {
    method: "OPTIONS",
    path,
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": TRTC_PREFLIGHT_HEADERS,
    },
  });

const describeTask = async (mock: MockServer, origin?: string) => {
  const body = JSON.stringify({ TaskId: "no-such-task" });
  const headers = await trtcHeaders(mock.port, "DescribeAIConversation", body);
  return raw(mock.url, {
    method: "POST",
    path: "/",
    headers: { ...headers, ...(origin && { origin }) },
    body,
  });
};

const corsHeaders = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((h) => h.startsWith("access-control-"));

let listed: MockServer;
let any: MockServer;
let off: MockServer;
beforeAll(async () => {
  [listed, any, off] = await Promise.all([
    startMockServer({ port: 0, cors: `${PAGE},http://second.example` }),
    startMockServer({ port: 0, cors: "*" }),
    startMockServer({ port: 0 }),
  ]);
});
afterAll(() => Promise.all([listed, any, off].map((m) => m.close())));

describe("CORS on the provider routes", () => {
  it("answers a preflight from a listed origin, for TRTC and Chime routes alike", async () => {
    for (const path of ["/", CHIME_ROUTE]) {
      const res = await preflight(listed, path, PAGE);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers["access-control-allow-origin"]).toBe(PAGE);
      expect(res.headers["access-control-allow-methods"]).toContain("POST");
      expect(res.headers["access-control-allow-headers"]).toBe(TRTC_PREFLIGHT_HEADERS);
      expect(res.headers["access-control-max-age"]).toBe("600");
      expect(res.headers.vary).toContain("Origin");
    }
    expect(listed.control.journal()).toEqual([]); // a preflight is no provider request
  });

  it("adds the CORS headers to a provider's answer for a listed origin, exposing what the clients read", async () => {
    const res = await describeTask(listed, PAGE);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ Response: { Error: { Code: "FailedOperation.TaskNotExist" } } });
    expect(res.headers["access-control-allow-origin"]).toBe(PAGE);
    expect(res.headers["access-control-expose-headers"]).toBe(
      "Date, Retry-After, x-amzn-RequestId, x-amzn-ErrorType",
    );
    expect(res.headers.vary).toBe("Origin");
    expect(res.headers.date).toBeDefined();

    const chime = await raw(listed.url, {
      method: "GET",
      path: `${CHIME_ROUTE}/t-1`,
      headers: { origin: PAGE },
    });
    expect(chime.status).toBe(403);
    expect(chime.headers["x-amzn-errortype"]).toBe("MissingAuthenticationTokenException");
    expect(chime.headers["access-control-allow-origin"]).toBe(PAGE);
  });

  it("answers any origin with * when so configured", async () => {
    const pre = await preflight(any, "/", OTHER);
    expect(pre.status).toBe(204);
    expect(pre.headers["access-control-allow-origin"]).toBe("*");
    const res = await describeTask(any, OTHER);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers.vary).toBeUndefined();
  });

  it("gives an origin that is not listed no CORS headers (the browser refuses the answer)", async () => {
    const pre = await preflight(listed, "/", OTHER);
    expect(corsHeaders(pre.headers)).toEqual([]);
    // Not answered as a preflight: the TRTC route itself answers the OPTIONS request, as without CORS.
    expect(pre.json).toMatchObject({ Response: { Error: { Code: "UnsupportedProtocol" } } });
    const res = await describeTask(listed, OTHER);
    expect(res.json).toMatchObject({ Response: { Error: { Code: "FailedOperation.TaskNotExist" } } });
    expect(corsHeaders(res.headers)).toEqual([]);
  });

  it("is off by default", async () => {
    const pre = await preflight(off, "/", PAGE);
    expect(corsHeaders(pre.headers)).toEqual([]);
    expect(pre.json).toMatchObject({ Response: { Error: { Code: "UnsupportedProtocol" } } });
    expect(corsHeaders((await describeTask(off, PAGE)).headers)).toEqual([]);
  });

  it("never applies to the control API, even with *", async () => {
    for (const mock of [listed, any]) {
      // A page's requests are refused outright (403), and never get CORS headers.
      const pre = await preflight(mock, "/_mock/journal", PAGE);
      expect(corsHeaders(pre.headers)).toEqual([]);
      expect(pre.status).toBe(403);
      const get = await raw(mock.url, { method: "GET", path: "/_mock/journal", headers: { origin: PAGE } });
      expect(get.status).toBe(403);
      expect(corsHeaders(get.headers)).toEqual([]);
      const reset = await raw(mock.url, { method: "POST", path: "/_mock/reset", headers: { origin: PAGE } });
      expect(reset.status).toBe(403);
      expect(corsHeaders(reset.headers)).toEqual([]);
    }
  });

  it("refuses a bad cors option, naming it", async () => {
    await expect(startMockServer({ port: 0, cors: "localhost:3000" })).rejects.toThrow(
      /^cors: "localhost:3000" is not an origin/,
    );
  });
});
