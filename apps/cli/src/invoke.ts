import type { GlobalOptions } from "./globals.js";
import { seconds } from "./globals.js";
import { tracingFetch } from "./http/trace.js";
import { lowerFirst } from "./kebab.js";
import type { Provider } from "./providers.js";
import { sessionSecrets } from "./redact.js";
import { requireRegion, type Settings } from "./settings.js";

export interface Invoker {
  /** Calls one operation by its API name with an API-shaped input; answers the unwrapped response. */
  call(operation: string, input: Record<string, unknown>): Promise<unknown>;
  /** Secret values in play, for scrubbing anything printed. */
  secrets: readonly (string | undefined)[];
}

export interface InvokeContext {
  provider: Provider;
  globals: GlobalOptions;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  log: (text: string) => void;
  fetch?: typeof globalThis.fetch;
}

const loadCore = () => import("@voicetask/core/node");
const loadClient = (provider: Provider) =>
  provider.credentials === "tencent" ? import("@voicetask/trtc") : import("@voicetask/chime-sdk-voice");

/**
 * Starts loading the client code while the command line is still being read (file reads overlap). A dry run
 * needs only core (credentials and the signers), not the Fetch-based client.
 */
export function prefetchClient(provider: Provider, dryRun = false): void {
  loadCore().catch(() => {});
  if (!dryRun) loadClient(provider).catch(() => {});
}

type Client = Record<string, (input: unknown, options?: unknown) => Promise<unknown>>;

/**
 * Resolves credentials through core's Node chain (environment, then the providers' profile files) and builds
 * the provider's client with a tracing fetch. Loaded only for commands that call the API.
 */
export async function createInvoker(ctx: InvokeContext): Promise<Invoker> {
  const { provider, globals, settings, env } = ctx;
  const region = requireRegion(provider, settings);
  const timeoutMs = seconds("timeout", globals.timeout, 60) * 1000;
  const once = globals.noRetry;
  const common = {
    region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(once ? { retry: false as const } : {}),
    timeoutMs,
  };
  const core = await loadCore();
  let client: Client;
  let secrets: (string | undefined)[];
  if (provider.credentials === "tencent") {
    const c = await core.resolveTencentCredentials({ env, profile: settings.profile });
    secrets = [c.secretKey, c.token];
    const { createTrtcClient } = await import("@voicetask/trtc");
    const fetch = tracingFetch({
      debug: !!globals.debug,
      secrets,
      log: ctx.log,
      fetch: ctx.fetch,
    });
    client = createTrtcClient({
      ...common,
      credentials: { secretId: c.secretId, secretKey: c.secretKey, ...(c.token ? { token: c.token } : {}) },
      ...(globals.site ? { site: globals.site as "intl" | "cn" } : {}),
      fetch,
    }) as unknown as Client;
  } else {
    const c = await core.resolveAwsCredentials({ env, profile: settings.profile });
    secrets = [c.secretAccessKey, c.sessionToken];
    const { createChimeSdkVoiceClient } = await import("@voicetask/chime-sdk-voice");
    const fetch = tracingFetch({
      debug: !!globals.debug,
      secrets,
      log: ctx.log,
      fetch: ctx.fetch,
    });
    client = createChimeSdkVoiceClient({
      ...common,
      credentials: {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      },
      fetch,
    }) as unknown as Client;
  }
  for (const s of secrets) if (s) sessionSecrets.push(s);
  return {
    secrets,
    async call(operation, input) {
      const method = client[lowerFirst(operation)];
      if (typeof method !== "function")
        throw new Error(`The ${provider.id} client has no method for ${operation}`);
      const result = await method.call(client, input);
      return plain(result);
    },
  };
}

/** Drops client-only metadata (`$metadata`) and turns Dates into ISO strings, as the wire had them. */
export function plain(result: unknown): unknown {
  if (result === undefined || result === null) return {};
  const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
  if (json && typeof json === "object" && !Array.isArray(json)) delete json.$metadata;
  return json;
}
