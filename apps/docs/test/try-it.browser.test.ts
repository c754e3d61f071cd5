import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@voicetask/mock";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { loadApis } from "../src/model/load.js";
import { appDir } from "../src/paths.js";

/**
 * "Try it" in headless Chromium, against the mock serving the built docs on its own origin (`--docs`): a whole TRTC
 * task lifecycle and a Chime SDK Voice task, each call signed in the page with keys typed into it; an invalid input
 * explained from the model; and the keys never written to storage, cookies, the address or the console.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"];

/** Keys only this test knows: any trace of them outside the key inputs is a leak. */
const TENCENT = { secretId: "AKIDtryITkeyID0001", secretKey: "tryit-tencent-SECRET-4c1f" };
const AWS = { accessKeyId: "AKIATRYITKEYID0001", secretAccessKey: "tryit-aws-SECRET-9e2b" };
const KEYS = [TENCENT.secretId, TENCENT.secretKey, AWS.accessKeyId, AWS.secretAccessKey];

const shotsDir = join(appDir, "test-results");
const models = Object.fromEntries((await loadApis()).map((a) => [a.model.name, a.model]));

let dir = "";
let mock: MockServer;
let browser: Browser;
let context: BrowserContext;
/** Everything the pages printed to the console, every address they went to or fetched. */
const consoleText: string[] = [];
const addresses: string[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  mkdirSync(shotsDir, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "voicetask-try-it-"));
  await build(join(dir, "dist"));
  mock = await startMockServer({
    port: 0,
    docs: join(dir, "dist"),
    credentials: { tencent: [TENCENT], aws: [AWS] },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens an operation page as served by the mock, and waits for its form to find the mock as its target. */
async function open(api: string, operation: string): Promise<Page> {
  const page = await context.newPage();
  pages.push(page);
  page.on("console", (m) => consoleText.push(m.text()));
  page.on("pageerror", (e) => consoleText.push(`pageerror ${e.message}`));
  page.on("request", (r) => addresses.push(r.url()));
  page.on("framenavigated", (f) => addresses.push(f.url()));
  await page.goto(`${mock.url}/docs/reference/${api}/${operation}.html`);
  await page.waitForFunction(
    (url) => (document.querySelector("#try-it-target") as HTMLInputElement | null)?.value === url,
    mock.url,
  );
  return page;
}

/** Types the keys, sets the given fields (after the example's values), sends, and answers the outcome. */
async function send(
  page: Page,
  keys: Record<string, string>,
  fields: Record<string, string> = {},
): Promise<{ outcome: string; explain: string; answer: string; request: string }> {
  for (const [key, value] of Object.entries(keys)) await page.fill(`[data-key="${key}"]`, value);
  for (const [name, value] of Object.entries(fields)) {
    const control = page.locator(`[data-field="${name}"]`);
    if ((await control.evaluate((e) => e.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }
  await page.evaluate(() => {
    delete (document.querySelector("[data-try-explain]") as HTMLElement).dataset.outcome;
  });
  await page.click("[data-try-send]");
  await page.waitForSelector("[data-try-explain][data-outcome]");
  return page.evaluate(() => ({
    outcome: (document.querySelector("[data-try-explain]") as HTMLElement).dataset.outcome ?? "",
    explain: document.querySelector("[data-try-explain]")?.textContent ?? "",
    answer: document.querySelector("[data-try-answer]")?.textContent ?? "",
    request: document.querySelector("[data-try-request]")?.textContent ?? "",
  }));
}

/** A value of the answer shown, by its path in the JSON body (after the status line and headers). */
function bodyAt(answer: string, ...path: string[]): unknown {
  let value: unknown = JSON.parse(answer.slice(answer.indexOf("\n\n") + 2));
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

const tencentKeys = { secretId: TENCENT.secretId, secretKey: TENCENT.secretKey };
const awsKeys = { accessKeyId: AWS.accessKeyId, secretAccessKey: AWS.secretAccessKey };

describe("Try it, against the mock serving the docs", () => {
  it("runs a whole TRTC task lifecycle: Start → Describe → Control → Update → Stop", async () => {
    const startPage = await open("trtc", "StartAIConversation");
    const start = await send(startPage, tencentKeys);
    expect(start.outcome, start.explain).toBe("success");
    await startPage
      .locator("#try-it")
      .locator("..")
      .screenshot({ path: join(shotsDir, "try-it-trtc.png") });
    expect(start.request).toMatch(/^POST \/ HTTP\/1\.1\nhost: 127\.0\.0\.1:\d+\n/);
    expect(start.request).toContain("x-tc-action: StartAIConversation");
    expect(start.request).toMatch(
      /authorization: TC3-HMAC-SHA256 Credential=AKIDtryITkeyID0001\/\d{4}-\d\d-\d\d\/trtc\/tc3_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}/,
    );
    expect(start.answer).toMatch(/^HTTP 200/);
    const taskId = bodyAt(start.answer, "Response", "TaskId") as string;
    expect(taskId).toEqual(expect.any(String));

    const describe1 = await send(await open("trtc", "DescribeAIConversation"), tencentKeys, {
      TaskId: taskId,
      SessionId: "",
      SdkAppId: "",
    });
    expect(describe1.outcome, describe1.explain).toBe("success");
    expect(bodyAt(describe1.answer, "Response", "TaskId")).toBe(taskId);

    for (const operation of ["ControlAIConversation", "UpdateAIConversation", "StopAIConversation"]) {
      const r = await send(await open("trtc", operation), tencentKeys, { TaskId: taskId });
      expect([operation, r.outcome], r.explain + r.answer).toEqual([operation, "success"]);
      expect(bodyAt(r.answer, "Response", "RequestId")).toEqual(expect.any(String));
    }
    // The mock saw each call, signed with the typed key, in order.
    const journal = await (await fetch(`${mock.url}/_mock/journal`)).json();
    const trtcCalls = (journal.entries as { operation: string; status: number }[])
      .filter((e) => /AIConversation$/.test(e.operation))
      .map((e) => e.operation);
    expect(trtcCalls).toEqual([
      "StartAIConversation",
      "DescribeAIConversation",
      "ControlAIConversation",
      "UpdateAIConversation",
      "StopAIConversation",
    ]);
  });

  it("runs a Chime SDK Voice speaker search task: Start → Get → Stop", async () => {
    const start = await send(await open("chime-sdk-voice", "StartSpeakerSearchTask"), awsKeys);
    expect(start.outcome, start.explain + start.answer).toBe("success");
    expect(start.request).toMatch(/^POST \/voice-connectors\/[^/]+\/speaker-search-tasks HTTP\/1\.1\n/);
    expect(start.request).toMatch(
      /authorization: AWS4-HMAC-SHA256 Credential=AKIATRYITKEYID0001\/\d{8}\/us-east-1\/chime\/aws4_request/,
    );
    const taskId = bodyAt(start.answer, "SpeakerSearchTask", "SpeakerSearchTaskId") as string;
    const connector = await (await open("chime-sdk-voice", "GetSpeakerSearchTask"))
      .locator('[data-field="VoiceConnectorId"]')
      .inputValue();
    const get = await send(pages.at(-1)!, awsKeys, {
      VoiceConnectorId: connector,
      SpeakerSearchTaskId: taskId,
    });
    expect(get.outcome, get.explain + get.answer).toBe("success");
    expect(bodyAt(get.answer, "SpeakerSearchTask", "SpeakerSearchTaskId")).toBe(taskId);
    const stop = await send(await open("chime-sdk-voice", "StopSpeakerSearchTask"), awsKeys, {
      VoiceConnectorId: connector,
      SpeakerSearchTaskId: taskId,
    });
    expect(stop.outcome, stop.explain + stop.answer).toBe("success");
    expect(stop.answer).toMatch(/^HTTP 204/);
  });

  it("explains the mock's error for an invalid input with the model's description of its code", async () => {
    const trtc = await send(await open("trtc", "StartAIConversation"), tencentKeys, {
      SdkAppId: "not-a-number",
    });
    expect(trtc.outcome).toBe("error");
    const code = bodyAt(trtc.answer, "Response", "Error", "Code") as string;
    const meaning = [...models.trtc!.commonErrors, ...models.trtc!.operations.flatMap((o) => o.errors)].find(
      (e) => e.code === code || code.startsWith(`${e.code}.`),
    );
    expect(meaning, code).toBeDefined();
    expect(trtc.explain).toContain(`Error ${code}: `);
    expect(trtc.explain).toContain(meaning!.description.split(/[`*[]/)[0]!.trim());

    const chime = await send(await open("chime-sdk-voice", "GetSpeakerSearchTask"), awsKeys, {
      SpeakerSearchTaskId: "00000000-0000-4000-8000-000000000000",
    });
    expect(chime.outcome).toBe("error");
    expect(chime.answer).toMatch(/^HTTP 404/);
    const notFound = models["chime-sdk-voice"]!.operations.find(
      (o) => o.name === "GetSpeakerSearchTask",
    )!.errors.find((e) => e.code === "NotFoundException")!;
    expect(chime.explain).toContain("Error NotFoundException: ");
    expect(chime.explain).toContain(notFound.description.split(/[`*[]/)[0]!.trim());

    // A field that is not JSON is named before anything is sent.
    const control = await send(await open("trtc", "ControlAIConversation"), tencentKeys, {
      ServerPushText: "{not json",
    });
    expect([control.outcome, control.answer]).toEqual(["form", ""]);
    expect(control.explain).toMatch(/^ServerPushText: not valid JSON/);
  });

  it("works on every operation of every API with a client: the example sends, and the answer is a success or an explained error", async () => {
    const keysOf: Record<string, Record<string, string>> = { tencent: tencentKeys, "aws-rest-json": awsKeys };
    const withClient = Object.values(models).filter((m) => m.client);
    expect(withClient.map((m) => m.name).sort()).toEqual(["chime-sdk-voice", "trtc"]);
    for (const model of withClient) {
      for (const op of model.operations) {
        const page = await open(model.name, op.name);
        const fields = await page
          .locator("[data-field]")
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.field));
        expect(fields).toEqual(op.fields.map((f) => f.name));
        const r = await send(page, keysOf[model.protocol] ?? {});
        expect([op.name, r.outcome], r.explain + r.answer).toEqual([
          op.name,
          expect.stringMatching(/^(success|error)$/),
        ]);
        if (r.outcome === "error")
          expect(r.explain, op.name).toMatch(/^Error \S+: (?!not a documented code)/);
      }
    }
  });

  it("never writes the keys to storage, cookies, the address or the console", async () => {
    expect(pages.length).toBeGreaterThan(8);
    for (const page of pages) {
      const stored = await page.evaluate(() => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        cookie: document.cookie,
        url: location.href,
        history: history.length,
      }));
      for (const key of KEYS) {
        expect(stored.local).not.toContain(key);
        expect(stored.session).not.toContain(key);
        expect(stored.cookie).not.toContain(key);
        expect(stored.url).not.toContain(key);
      }
    }
    const cookies = JSON.stringify(await context.cookies());
    const printed = consoleText.join("\n");
    const visited = addresses.join("\n");
    for (const key of KEYS) {
      expect(cookies).not.toContain(key);
      expect(printed).not.toContain(key);
      expect(visited).not.toContain(key);
    }
    expect(consoleText.filter((t) => t.startsWith("pageerror"))).toEqual([]);
  });

  it("loads the Try it script on operation pages only", async () => {
    const page = await context.newPage();
    await page.goto(`${mock.url}/docs/index.html`);
    expect(await page.locator('script[src*="try-it"]').count()).toBe(0);
    await page.goto(`${mock.url}/docs/reference/mock-control/reset.html`);
    expect(await page.locator("[data-try-it]").count()).toBe(0);
    await page.goto(`${mock.url}/docs/reference/trtc/StopAIConversation.html`);
    expect(await page.locator('script[src$="assets/try-it-trtc.js"]').count()).toBe(1);
    await page.close();
  });
});
