// Headless Chromium: the page is the mock's own origin, reached as `trtc.localhost:<port>` (browsers resolve
// *.localhost to loopback), so every program calls it same-origin and the official TRTC SDK can sign its
// `trtc.` host. Each program is bundled for browsers and run in the page in turn.
import { launchChromium } from "@voicetask/test-kit/chromium";
import { sendControl } from "../in-runtime/mock-control.js";
import type { Outcome } from "../in-runtime/outcome.js";
import { bundle, bundlingFailure, hostEntry, PROGRAM_NAMES, type Program } from "./bundle.js";
import { lifecycleEnv, type RuntimeMock } from "./mock.js";
import type { RuntimeRun } from "./run.js";

/** Bundles each program for a page; answers a function that runs them in headless Chromium. */
export async function prepareChromium(
  scratchDir: string,
  runtimeMock: RuntimeMock,
): Promise<() => Promise<RuntimeRun>> {
  const bundles = await Promise.all(
    PROGRAM_NAMES.map(async (program) => {
      try {
        return [
          program,
          await bundle({ contents: hostEntry("browser", program) }, "browser", scratchDir),
        ] as const;
      } catch (error) {
        return [program, bundlingFailure(error)] as const;
      }
    }),
  );
  return () => runInChromium(bundles, runtimeMock);
}

async function runInChromium(
  bundles: (readonly [Program, string | Outcome])[],
  runtimeMock: RuntimeMock,
): Promise<RuntimeRun> {
  const origin = `http://trtc.localhost:${runtimeMock.mock.port}`;
  const chimeCredentials = {
    accessKeyId: lifecycleEnv.AWS_ACCESS_KEY_ID,
    secretAccessKey: lifecycleEnv.AWS_SECRET_ACCESS_KEY,
  };
  const config = runtimeMock.config({ endpoint: origin, chimeCredentials });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The mock's control API refuses web pages: the page's control calls are relayed from Node (to the
    // loopback address: Node does not resolve `*.localhost` everywhere).
    await page.exposeFunction("__mockControl", (method: string, url: string, body?: string) => {
      const target = new URL(url);
      target.hostname = "127.0.0.1";
      return sendControl(method, target.href, body);
    });
    await page.goto(`${origin}/`);
    const outcomes = {} as Record<Program, Outcome>;
    for (const [program, code] of bundles) {
      if (typeof code !== "string") {
        outcomes[program] = code;
        continue;
      }
      await page.evaluate((c) => {
        const w = window as unknown as { __runConfig: unknown; __outcome?: unknown };
        w.__runConfig = c;
        delete w.__outcome;
      }, config);
      await page.addScriptTag({ content: code, type: "module" });
      await page.waitForFunction(() => "__outcome" in window, undefined, { timeout: 90_000 });
      outcomes[program] = await page.evaluate(() => (window as unknown as { __outcome: Outcome }).__outcome);
    }
    return { row: "chromium", label: "Chromium (headless)", version: browser.version(), ...outcomes };
  } finally {
    await browser.close();
  }
}
