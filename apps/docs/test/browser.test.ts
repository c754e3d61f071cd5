import { existsSync, mkdirSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import { join, relative } from "node:path";
import { type Browser, type BrowserContext, type Page as BrowserPage, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { loadApis } from "../src/model/load.js";
import { appDir, distDir } from "../src/paths.js";
import { createStaticServer, listen } from "../src/serve.js";

/**
 * Walks the built site in headless Chromium: every page loads without console errors, failed or off-machine
 * requests; every internal link and anchor resolves; nothing is wider than a 375 px phone; every code block is
 * highlighted and has a copy button; no field name wraps inside a word; every operation, waiter and event type of
 * the model has its page or section. Then: the sample tabs, the copy button, and instant search (an error code,
 * inner fields, event types and their fields, landing on their anchors). Screenshots go to test-results/.
 */

/** What the registry's models hold, read as the build reads them. */
const models = (await loadApis()).map((a) => a.model);

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const PHONE = { width: 375, height: 812 };
/** The walk (and the screenshots) open page after page: on a loaded 2-core machine that takes minutes. */
const WALK_TIMEOUT_MS = 600_000;
const DESKTOP = { width: 1280, height: 900 };
const shotsDir = join(appDir, "test-results");

interface Visit {
  path: string;
  consoleErrors: string[];
  failedRequests: string[];
  offMachine: string[];
  links: { href: string; resolved: string }[];
  ids: string[];
  scrollWidth: number;
  h1: string;
  /** Code blocks without a visible copy button, or (in a known language) without highlighting. */
  codeProblems: string[];
  /** Field names whose text runs over two lines somewhere other than after a dot. */
  brokenNames: string[];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.split("\\").join("/"))
    .sort();
}

describe("docs site in headless Chromium", () => {
  let server: Server;
  let origin = "";
  let browser: Browser;
  let phone: BrowserContext;
  const visits = new Map<string, Visit>();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH; this test never skips.`,
      );
    }
    await build();
    mkdirSync(shotsDir, { recursive: true });
    server = createStaticServer(distDir);
    origin = (await listen(server, 0)).replace(/\/$/, "");
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    phone = await browser.newContext({ viewport: PHONE });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  /** Opens one page at the phone width in a fresh tab, recording every problem the page causes. */
  async function visit(path: string): Promise<Visit> {
    const page = await phone.newPage();
    const v: Visit = {
      path,
      consoleErrors: [],
      failedRequests: [],
      offMachine: [],
      links: [],
      ids: [],
      scrollWidth: 0,
      h1: "",
      codeProblems: [],
      brokenNames: [],
    };
    await page.route("**", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.hostname === "127.0.0.1") return route.continue();
      v.offMachine.push(url.href);
      return route.abort();
    });
    page.on("console", (m) => {
      if (m.type() === "error") v.consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => v.consoleErrors.push(String(e)));
    page.on("requestfailed", (r) => v.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    page.on("response", (r) => {
      if (r.status() >= 400) v.failedRequests.push(`${r.url()} HTTP ${r.status()}`);
    });
    const response = await page.goto(`${origin}/${path}`, { waitUntil: "load" });
    // search.html fetches its index after load; wait for that too.
    if (path === "search.html") await page.waitForLoadState("networkidle");
    if (response?.status() !== 200) v.failedRequests.push(`${path} HTTP ${response?.status()}`);
    const facts = await page.evaluate(() => ({
      links: [...document.querySelectorAll("a[href]")].map((a) => ({
        href: a.getAttribute("href") ?? "",
        resolved: (a as HTMLAnchorElement).href,
      })),
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      scrollWidth: document.documentElement.scrollWidth,
      h1: document.querySelector("h1")?.textContent ?? "",
      codeProblems: [...document.querySelectorAll("figure.code")].flatMap((figure, i) => {
        const code = figure.querySelector("pre code");
        const copy = figure.querySelector<HTMLElement>("button.copy");
        const problems: string[] = [];
        if (!copy || copy.hidden || (copy.offsetParent === null && !figure.closest("[hidden]")))
          problems.push(`block ${i}: no visible copy button`);
        const plain = /language-(text|)$/.test(code?.className ?? "");
        if (!plain && !code?.querySelector('[class^="hljs-"]'))
          problems.push(`block ${i} (${code?.className}): not highlighted`);
        return problems;
      }),
      brokenNames: [...document.querySelectorAll("code.field")].flatMap((field) => {
        const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
        const broken: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) broken.push(field.textContent ?? "");
        }
        return broken;
      }),
    }));
    Object.assign(v, facts);
    await page.close();
    return v;
  }

  it(
    "walks every page: no console error, no failed or off-machine request, no sideways scroll at 375 px",
    async () => {
      const queue = htmlFiles(distDir);
      expect(queue.length).toBeGreaterThan(20);
      const seen = new Set(queue);
      while (queue.length) {
        const path = queue.shift()!;
        const v = await visit(path);
        visits.set(path, v);
        for (const link of v.links) {
          const url = new URL(link.resolved);
          if (url.origin !== origin) continue;
          const target = url.pathname.slice(1) || "index.html";
          if (!seen.has(target) && target.endsWith(".html")) {
            seen.add(target);
            queue.push(target);
          }
        }
      }
      const problems = [...visits.values()].flatMap((v) => [
        ...v.consoleErrors.map((e) => `${v.path}: console error ${e}`),
        ...v.failedRequests.map((e) => `${v.path}: failed request ${e}`),
        ...v.offMachine.map((e) => `${v.path}: off-machine request ${e}`),
        ...(v.scrollWidth > PHONE.width ? [`${v.path}: scrollWidth ${v.scrollWidth} > ${PHONE.width}`] : []),
      ]);
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it("highlights every code block and gives each a copy button; no field name wraps inside a word", () => {
    const pages = [...visits.values()];
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.flatMap((v) => v.codeProblems.map((p) => `${v.path}: ${p}`))).toEqual([]);
    expect(pages.flatMap((v) => v.brokenNames.map((n) => `${v.path}: ${n}`))).toEqual([]);
  });

  it("has no broken internal link or anchor", () => {
    expect(visits.size).toBeGreaterThan(0);
    const broken: string[] = [];
    let checked = 0;
    for (const v of visits.values()) {
      for (const link of v.links) {
        const url = new URL(link.resolved);
        if (url.protocol === "mailto:" || url.origin !== origin) continue;
        if (url.search) continue; // search.html?q=… is the search form's target, checked below
        const target = url.pathname.slice(1) || "index.html";
        const file = join(distDir, target);
        checked++;
        if (!existsSync(file)) {
          broken.push(`${v.path}: ${link.href} → missing ${target}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && target.endsWith(".html")) {
          const ids = visits.get(target)?.ids;
          if (!ids) broken.push(`${v.path}: ${link.href} → page not walked`);
          else if (!ids.includes(anchor)) broken.push(`${v.path}: ${link.href} → no #${anchor} in ${target}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it("has a reference page for every operation of the model, linked from the reference index", () => {
    const index = visits.get("reference/index.html");
    expect(index).toBeDefined();
    const missing: string[] = [];
    let count = 0;
    for (const model of models) {
      expect(model.operations.length, `${model.name} has operations`).toBeGreaterThan(0);
      for (const { name } of model.operations) {
        count++;
        const path = `reference/${model.name}/${name}.html`;
        const v = visits.get(path);
        if (!v) missing.push(`${path} not built`);
        else if (!v.h1.includes(name)) missing.push(`${path} h1 is "${v.h1}"`);
        else if (!["samples", "responses", "rate-limit-and-retries"].every((a) => v.ids.includes(a)))
          missing.push(`${path} lacks a section`);
        if (!index?.links.some((l) => l.href === `${model.name}/${name}.html`))
          missing.push(`${path} not in reference/index.html`);
      }
    }
    expect(count).toBeGreaterThanOrEqual(8 + 1);
    expect(missing).toEqual([]);
  });

  it("has a section per waiter on the polled operation's page, linked from the operations it follows", () => {
    const missing: string[] = [];
    let waiters = 0;
    for (const model of models) {
      for (const op of model.operations) {
        for (const waiter of op.waiters) {
          waiters++;
          const page = `reference/${model.name}/${op.name}.html`;
          if (!visits.get(page)?.ids.includes(`waiter-${waiter.name}`))
            missing.push(`${page}#waiter-${waiter.name}`);
          for (const trigger of Object.keys(waiter.after)) {
            const from = visits.get(`reference/${model.name}/${trigger}.html`);
            if (!from?.links.some((l) => l.href === `${op.name}.html#waiter-${waiter.name}`))
              missing.push(`${trigger} does not link to ${op.name}#waiter-${waiter.name}`);
          }
        }
      }
    }
    expect(waiters).toBeGreaterThanOrEqual(4);
    expect(missing).toEqual([]);
  });

  it("has a page per event type of every webhook, with its fields, example and handler samples", () => {
    const missing: string[] = [];
    let variants = 0;
    for (const model of models) {
      for (const webhook of model.webhooks) {
        const index = visits.get(`reference/${model.name}/events/index.html`);
        if (!index?.ids.includes(webhook.name))
          missing.push(`${model.name} events index lacks ${webhook.name}`);
        for (const variant of webhook.variants) {
          variants++;
          const path = `reference/${model.name}/events/${variant.name}.html`;
          const v = visits.get(path);
          if (!v) missing.push(`${path} not built`);
          else if (!v.h1.includes(variant.name)) missing.push(`${path} h1 is "${v.h1}"`);
          else if (!["fields", "examples", "handler"].every((a) => v.ids.includes(a)))
            missing.push(`${path} lacks a section`);
          if (!index?.links.some((l) => l.href === `${variant.name}.html`))
            missing.push(`${path} not linked from the events index`);
        }
      }
    }
    expect(variants).toBeGreaterThanOrEqual(9 + 11);
    expect(missing).toEqual([]);
  });

  /** A fresh tab that may only talk to this machine; `offMachine` collects anything else it tried. */
  async function localPage(viewport = PHONE) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const offMachine: string[] = [];
    const errors: string[] = [];
    await page.route("**", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.hostname === "127.0.0.1") return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    return { context, page, offMachine, errors };
  }

  it("finds an operation with the offline search, from the header box", async () => {
    const { context, page, offMachine } = await localPage();
    await page.goto(`${origin}/guides/index.html`);
    await page.fill("#site-search", "StopSpeakerSearchTask");
    await page.press("#site-search", "Enter");
    await page.waitForURL(/search\.html\?q=StopSpeakerSearchTask/);
    const first = page.locator("#search-results li a").first();
    await first.waitFor();
    expect(await first.locator(".result-title").textContent()).toBe("StopSpeakerSearchTask");
    await page.screenshot({ path: join(shotsDir, "search-phone.png"), fullPage: true });
    await first.click();
    await page.waitForURL(/reference\/chime-sdk-voice\/StopSpeakerSearchTask\.html$/);
    expect(await page.locator("h1").textContent()).toContain("StopSpeakerSearchTask");
    // Typing on the search page narrows live; an error code is searchable too.
    await page.goto(`${origin}/search.html`);
    await page.fill("#search-page-input", "TaskNotExist");
    await page.locator("#search-results li").first().waitFor();
    const titles = await page.locator("#search-results li .result-title").allTextContents();
    expect(titles).toContain("FailedOperation.TaskNotExist");
    expect(offMachine).toEqual([]);
    await context.close();
  });

  it("shows the samples as TypeScript / CLI / HTTP tabs, and a copy button copies the visible sample", async () => {
    const { context, page, offMachine, errors } = await localPage(DESKTOP);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await page.goto(`${origin}/reference/trtc/StopAIConversation.html#samples`);
    // The page has other tab sets (waiting for the outcome); these are the operation's samples.
    const samples = page.locator("section:has(> #samples)");
    const tabs = samples.locator('.tabs [role="tab"]');
    expect(await tabs.allTextContents()).toEqual(["TypeScript", "CLI", "HTTP"]);
    const visiblePanels = () =>
      samples
        .locator('.tabs [role="tabpanel"]')
        .evaluateAll((ps) => ps.filter((p) => !(p as HTMLElement).hidden).length);
    expect(await visiblePanels()).toBe(1);
    await samples.getByRole("tab", { name: "CLI" }).click();
    expect(await visiblePanels()).toBe(1);
    const panel = samples.locator('.tabs [role="tabpanel"]:not([hidden])');
    const code = (await panel.locator("pre code").first().textContent()) ?? "";
    expect(code).toMatch(/^voicetask trtc stop-ai-conversation /);
    // highlighted at build time: the flag is coloured differently from the plain text around it
    const colours = await panel
      .locator("pre code")
      .first()
      .evaluate((el) => {
        const span = el.querySelector('[class^="hljs-"]');
        return [getComputedStyle(el).color, span ? getComputedStyle(span).color : ""];
      });
    expect(colours[1]).not.toBe("");
    expect(colours[1]).not.toBe(colours[0]);
    await panel.locator("button.copy").first().click();
    await page.waitForFunction(
      () =>
        document.querySelector('section:has(> #samples) [role="tabpanel"]:not([hidden]) button.copy')
          ?.textContent === "Copied",
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // the keyboard moves between tabs too
    await samples.getByRole("tab", { name: "CLI" }).press("ArrowRight");
    expect(await samples.getByRole("tab", { name: "HTTP" }).getAttribute("aria-selected")).toBe("true");
    await page.screenshot({ path: join(shotsDir, "samples-tabs-desktop.png") });
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await context.close();
  });

  /** Types into the header's search box and waits for the instant results under it. */
  async function suggest(page: BrowserPage, query: string) {
    await page.fill("#site-search", query);
    const box = page.locator("#search-suggest");
    await page.waitForFunction((q) => {
      const el = document.getElementById("search-suggest");
      return el && !el.hidden && el.querySelector(".all-results")?.textContent?.includes(q);
    }, query);
    const [input, list] = await Promise.all([page.locator("#site-search").boundingBox(), box.boundingBox()]);
    expect(list!.y).toBeGreaterThanOrEqual(input!.y + input!.height - 1); // under the box, not on another page
    return box.locator('[role="option"]');
  }

  /** The element the URL's fragment names, and whether it is on screen. */
  const landed = (page: BrowserPage) =>
    page.evaluate(() => {
      const el = document.querySelector(":target");
      const r = el?.getBoundingClientRect();
      return {
        id: el?.id ?? "",
        text: el?.textContent ?? "",
        onScreen: !!r && r.bottom > 0 && r.top < window.innerHeight,
      };
    });

  it("finds an error code as you type, with a snippet, and its link lands on the code's row", async () => {
    const { context, page, offMachine, errors } = await localPage();
    await page.goto(`${origin}/guides/index.html`);
    const options = await suggest(page, "TaskNotExist");
    expect(await options.first().locator(".result-title").textContent()).toBe("FailedOperation.TaskNotExist");
    expect(await options.first().locator(".where").textContent()).toMatch(/AIConversation · error$/);
    expect(await options.first().locator(".snippet").textContent()).toMatch(/task/i);
    await page.screenshot({ path: join(shotsDir, "instant-search-phone.png") });
    await page.press("#site-search", "ArrowDown");
    expect(await page.getAttribute("#site-search", "aria-activedescendant")).toBe("search-option-0");
    await page.press("#site-search", "Enter");
    await page.waitForURL(/reference\/trtc\/\w+AIConversation\.html#error-FailedOperation-TaskNotExist$/);
    const target = await landed(page);
    expect(target.id).toBe("error-FailedOperation-TaskNotExist");
    expect(target.text).toContain("FailedOperation.TaskNotExist");
    expect(target.onScreen).toBe(true);
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await context.close();
  });

  it.each([
    ["AgentConfig.UserId", "AgentConfig.UserId", /StartAIConversation\.html#request\.AgentConfig\.UserId$/],
    [
      "TTSConfig VoiceId",
      "TTSConfig.VoiceId",
      /(Start|Update)AIConversation\.html#request\.TTSConfig\.VoiceId$/,
    ],
    [
      "voice profile domain",
      "VoiceProfileDomainId",
      /StartSpeakerSearchTask\.html#request\.VoiceProfileDomainId$/,
    ],
    [
      "LeaveCode",
      "EventInfo.Payload.LeaveCode",
      /events\/TaskStoppedEvent\.html#event\.EventInfo\.Payload\.LeaveCode$/,
    ],
  ])("finds the inner field %s and its link lands on the field's row", async (query, title, url) => {
    const { context, page, offMachine, errors } = await localPage();
    await page.goto(`${origin}/index.html`);
    const options = await suggest(page, query);
    const titles = await options.locator(".result-title").allTextContents();
    expect(titles[0]).toBe(title);
    expect(await options.first().locator("mark").count()).toBeGreaterThan(0); // the matched words, marked
    await options.first().click();
    await page.waitForURL(url);
    const target = await landed(page);
    expect(target.id).toMatch(/^(request|event)\./);
    expect(target.text).toContain(title.split(".").pop());
    expect(target.onScreen).toBe(true);
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await context.close();
  });

  it.each([
    ["902", "TaskStoppedEvent (902)", /reference\/trtc\/events\/TaskStoppedEvent\.html$/],
    [
      "IdentificationNoMatchesFound",
      "IdentificationNoMatchesFoundEvent",
      /IdentificationNoMatchesFoundEvent\.html$/,
    ],
  ])("finds the event type %s and its link opens the event's page", async (query, title, url) => {
    const { context, page, offMachine, errors } = await localPage();
    await page.goto(`${origin}/index.html`);
    const options = await suggest(page, query);
    expect(await options.first().locator(".result-title").textContent()).toBe(title);
    await options.first().click();
    await page.waitForURL(url);
    expect(await page.locator("h1").textContent()).toContain(title.split(" ")[0]);
    const tabs = await page
      .locator('#handler ~ .tabs [role="tab"], section .tabs [role="tab"]')
      .allTextContents();
    expect(tabs.length).toBe(2);
    await page.screenshot({ path: join(shotsDir, `event-${query}-phone.png`), fullPage: true });
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await context.close();
  });

  it("searches without a server too: opened from disk, the index comes from search-index.js", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`file://${join(distDir, "guides", "errors.html")}`);
    const options = await suggest(page, "NotFoundException");
    expect(await options.locator(".result-title").allTextContents()).toContain("NotFoundException");
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    "saves screenshots of the main pages at phone and desktop widths",
    async () => {
      const shots: [string, string][] = [
        ["index.html", "home"],
        ["guides/quick-start.html", "guide-quick-start"],
        ["reference/trtc/StopAIConversation.html", "reference-stop-ai-conversation"],
        ["reference/chime-sdk-voice/StartSpeakerSearchTask.html", "reference-start-speaker-search-task"],
        ["reference/mock-control/index.html", "reference-mock-control"],
        ["reference/trtc/DescribeAIConversation.html#waiters", "reference-waiters"],
        ["reference/trtc/events/index.html", "reference-trtc-events"],
        ["changelog.html", "changelog"],
      ];
      for (const [viewport, size] of [
        ["phone", PHONE],
        ["desktop", DESKTOP],
      ] as const) {
        const context = await browser.newContext({ viewport: size });
        const page = await context.newPage();
        await page.route("**", (route) =>
          new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
        );
        for (const [path, name] of shots) {
          await page.goto(`${origin}/${path}`, { waitUntil: "networkidle" });
          await page.screenshot({ path: join(shotsDir, `${name}-${viewport}.png`), fullPage: true });
        }
        await context.close();
      }
      const saved = readdirSync(shotsDir).filter((f) => f.endsWith(".png"));
      expect(saved.length).toBeGreaterThanOrEqual(shots.length * 2);
      expect(relative(appDir, shotsDir)).toBe("test-results");
    },
    WALK_TIMEOUT_MS,
  );
});
