import type { CallOptions } from "@voicetask/core";
import type { GlobalOptions } from "./globals.js";
import { seconds } from "./globals.js";
import { tracingFetch } from "./http/trace.js";
import { awsKeys, type Keys, prefetchKeys, tencentKeys } from "./keys.js";
import type { ServiceEntry } from "./services.js";
import { requireRegion, type Settings } from "./settings.js";

export interface Invoker {
  /** Calls one operation by its API name with an API-shaped input; answers the unwrapped response. */
  call(operation: string, input: Record<string, unknown>, options?: CallOptions): Promise<unknown>;
  /** Secret values in play, for scrubbing anything printed. */
  secrets: readonly (string | undefined)[];
}

export interface InvokeContext {
  service: ServiceEntry;
  globals: GlobalOptions;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  log: (text: string) => void;
  fetch?: typeof globalThis.fetch;
}

/**
 * Starts loading what the command will need while the command line is still being read (file reads overlap):
 * core's credential chain, and the client (a dry run needs the client's request builder only, not the
 * Fetch-based client).
 */
export function prefetchClient(service: ServiceEntry, dryRun = false): void {
  prefetchKeys();
  (dryRun ? service.request() : service.client()).catch(() => {});
}

type Method = (input: unknown, options?: CallOptions) => Promise<unknown>;
type Client = Record<string, Method>;

/**
 * Builds the service's client (its package's factory, named in the model) with the keys of core's Node chain and
 * a tracing fetch. Loaded only for commands that call the API.
 */
export async function createInvoker(ctx: InvokeContext): Promise<Invoker> {
  const { service, globals, settings, env } = ctx;
  const region = requireRegion(service, settings);
  const keys: Keys<object> =
    service.credentials === "tencent"
      ? await tencentKeys(env, settings.profile)
      : await awsKeys(env, settings.profile);
  const fetch = tracingFetch({
    debug: !!globals.debug,
    secrets: keys.secrets,
    log: ctx.log,
    fetch: ctx.fetch,
  });
  const factory = ((await service.client()) as Record<string, unknown>)[service.factory] as (
    options: object,
  ) => Client;
  const client = factory({
    region,
    credentials: keys.credentials,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(globals.noRetry ? { retry: false as const } : {}),
    // `--site` picks a TRTC domain; Tencent Cloud is the only provider with sites.
    ...(service.credentials === "tencent" && globals.site ? { site: globals.site } : {}),
    timeoutMs: seconds("timeout", globals.timeout, 60) * 1000,
    fetch,
  });
  return {
    secrets: keys.secrets,
    async call(operation, input, options) {
      const entry = service.operations.find((op) => op.name === operation);
      const method = entry && client[entry.method];
      if (typeof method !== "function")
        throw new Error(`The ${service.name} client has no method for ${operation}`);
      return plain(await method.call(client, input, options));
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
