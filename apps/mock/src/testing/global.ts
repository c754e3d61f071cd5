import { type MockServer, type MockServerOptions, startMockServer } from "../server.js";
import { mockEnv } from "./env.js";

interface GlobalMock {
  server: MockServer;
  /** The variables' values before the setup set them, restored on stop. */
  previousEnv: Record<string, string | undefined>;
}

// On globalThis under a registered symbol: Jest may load the setup and the teardown modules through different
// builds (CommonJS and ESM), which would not share a module-level variable.
const SLOT = Symbol.for("@voicetask/mock/global-mock");
const slot = globalThis as { [SLOT]?: GlobalMock };

/**
 * Starts one mock for a whole test run (a runner's global setup) and publishes its URL and keys in
 * `process.env` (`VOICETASK_MOCK_*`, see `MOCK_ENV`), which the test workers inherit. Defaults: any free port,
 * the demo keys, log level `warn`. A second call while one runs answers the running one. Answers a teardown
 * (Vitest runs it when a global-setup function returns it); `stopGlobalMock` does the same.
 */
export async function startGlobalMock(options: MockServerOptions = {}): Promise<() => Promise<void>> {
  if (!slot[SLOT]) {
    const server = await startMockServer({ port: 0, ...options });
    const env = mockEnv(server.url, server.credentials, server.controlToken);
    const previousEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    slot[SLOT] = { server, previousEnv };
  }
  return stopGlobalMock;
}

/** Stops the mock `startGlobalMock` started (if any) and restores the variables it set. */
export async function stopGlobalMock(): Promise<void> {
  const running = slot[SLOT];
  if (!running) return;
  delete slot[SLOT];
  for (const [name, value] of Object.entries(running.previousEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await running.server.close();
}
