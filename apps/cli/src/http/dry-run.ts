import type { SignedHttpRequest } from "@voicetask/core";
import type { GlobalOptions } from "../globals.js";
import { awsKeys, tencentKeys } from "../keys.js";
import type { ServiceEntry } from "../services.js";
import { requireRegion, type Settings } from "../settings.js";
import { describeSigning, describeWire } from "./wire.js";

export interface DryRunContext {
  service: ServiceEntry;
  globals: GlobalOptions;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  /** Signing time, epoch ms; default now. */
  now?: number;
}

/**
 * `--dry-run`: the signed request, made by the client's own builder and signer (`<client>/request`, the code the
 * client sends through), so the Fetch API (undici, on Node) is never loaded. Credentials come from the same
 * chain as a real call; their secret values are answered for scrubbing.
 */
export async function signDryRun(
  ctx: DryRunContext,
  operation: string,
  input: Record<string, unknown>,
): Promise<{ signed: SignedHttpRequest; secrets: (string | undefined)[] }> {
  const { service, globals, settings, env } = ctx;
  const region = requireRegion(service, settings);
  const now = ctx.now ?? Date.now();
  const endpoint = settings.endpoint ? { endpoint: settings.endpoint } : {};
  if (service.credentials === "tencent") {
    const keys = await tencentKeys(env, settings.profile);
    const { buildRequest, signRequest } = await service.request();
    const site = globals.site ? { site: globals.site as "intl" | "cn" } : {};
    const request = buildRequest(operation, input, { region, ...site, ...endpoint });
    return {
      signed: await signRequest(request, { credentials: keys.credentials, now }),
      secrets: keys.secrets,
    };
  }
  const keys = await awsKeys(env, settings.profile);
  const { buildRequest, signRequest } = await service.request();
  const request = buildRequest(operation, input, { region, ...endpoint });
  return {
    signed: await signRequest(request, { credentials: keys.credentials, now, region }),
    secrets: keys.secrets,
  };
}

/** What `--dry-run` prints: the request and, for `--debug`, the canonical request and string to sign; redacted. */
export async function dryRunText(
  ctx: DryRunContext,
  operation: string,
  input: Record<string, unknown>,
): Promise<{ request: string; signing: string }> {
  const { signed, secrets } = await signDryRun(ctx, operation, input);
  return { request: describeWire(signed.request, secrets), signing: describeSigning(signed, secrets) };
}
