import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleBrowserProgram, launchChromium } from "@voicetask/test-kit/chromium";
import { listenOnLoopback, servePage } from "@voicetask/test-kit/stand-in";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockDir, startCli } from "./support/cli-process.js";

const trtcDir = fileURLToPath(new URL("../../../packages/trtc", import.meta.url));

/**
 * The page's program, bundled with esbuild from the built `@voicetask/trtc` as a browser app would be: the whole
 * lifecycle of a task against the mock whose URL is the page's `#fragment` (another origin: another port), then
 * a call of the control API. Every call has signed X-TC-* headers and a JSON body, so the browser preflights.
 */
const browserProgram = `
import { createTrtcClient } from "@voicetask/trtc";
const mockUrl = location.hash.slice(1);
const outcome = async (call) => {
  try {
    return { ok: await call() };
  } catch (e) {
    return { error: e.name, message: String(e.message) };
  }
};
const client = createTrtcClient({
  region: "ap-singapore",
  endpoint: mockUrl,
  credentials: { secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" },
  retry: false,
});
const lifecycle = await outcome(async () => {
  const { TaskId } = await client.startAIConversation({
    SdkAppId: 1400000001,
    RoomId: "room-cors",
    AgentConfig: { UserId: "robot_1", UserSig: "sig", TargetUserId: "user_1" },
  });
  const described = await client.describeAIConversation({ TaskId });
  await client.stopAIConversation({ TaskId });
  const stopped = await client.describeAIConversation({ TaskId });
  // Preparing, or InProgress when a busy machine took more than the mock's 1 s to get here.
  return { live: ["Preparing", "InProgress"].includes(described.Status), stopped: stopped.Status };
});
const control = await outcome(async () => (await fetch(mockUrl + "/_mock/journal")).status);
window.__result = { lifecycle, control };
`;

describe("a page on another origin calling the mock with @voicetask/trtc in headless Chromium", () => {
  let dir: string;
  let page: { url: string; server: Server };
  let browser: Browser;
  const mocks: ChildProcess[] = [];

  beforeAll(async () => {
    assertBuilt(mockDir);
    assertBuilt(trtcDir);
    dir = await mkdtemp(join(tmpdir(), "voicetask-cors-"));
    await bundleBrowserProgram(browserProgram, mockDir, join(dir, "app.js"));
    const server = createServer((req, res) => servePage(req, res, join(dir, "app.js")));
    page = { url: await listenOnLoopback(server), server };
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const child of mocks) child.kill();
    await browser?.close();
    page?.server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens the page against a mock started with `flags` and answers what the program left on `window`. */
  async function run(flags: string[]): Promise<{ lifecycle: unknown; control: unknown }> {
    const mock = await startCli(flags);
    mocks.push(mock.process);
    const tab = await browser.newPage();
    try {
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(String(e)));
      await tab.goto(`${page.url}/#${mock.url}`);
      await tab.waitForFunction(() => "__result" in window, undefined, { timeout: 60_000 });
      expect(errors).toEqual([]);
      return await tab.evaluate(() => (window as unknown as { __result: never }).__result);
    } finally {
      await tab.close();
    }
  }

  it("succeeds with --cors <the page's origin>; the control API stays closed to the page", async () => {
    const result = await run(["--cors", page.url, "--log-level", "warn"]);
    expect(result.lifecycle).toEqual({ ok: { live: true, stopped: "Stopped" } });
    expect(result.control).toMatchObject({ error: "TypeError" });
  }, 120_000);

  it("succeeds with --cors *", async () => {
    const result = await run(["--cors", "*", "--log-level", "warn"]);
    expect(result.lifecycle).toEqual({ ok: { live: true, stopped: "Stopped" } });
    expect(result.control).toMatchObject({ error: "TypeError" });
  }, 120_000);

  it("fails without --cors, and with --cors naming another origin: the client reports a NetworkError", async () => {
    for (const flags of [[], ["--cors", "http://127.0.0.1:1"]]) {
      const result = await run([...flags, "--log-level", "warn"]);
      expect(result.lifecycle).toMatchObject({ error: "NetworkError" });
      expect(result.control).toMatchObject({ error: "TypeError" });
    }
  }, 120_000);
});
