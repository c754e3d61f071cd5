import { afterAll, beforeAll, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());

it("describes itself", async () => {
  const res = await fetch(`${mock.url}/`);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.name).toBe("voicetask-mock");
});
