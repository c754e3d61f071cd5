import { generatedService } from "../commands/command-table.js";
import type { GlobalOptions } from "../globals.js";
import type { Provider } from "../providers.js";
import { sessionSecrets } from "../redact.js";
import type { GeneratedService, OperationFields } from "../schema/model.js";
import { requireRegion, type Settings } from "../settings.js";
import { chimeWire } from "./chime-wire.js";
import { trtcWire } from "./trtc-wire.js";
import { describeWire } from "./wire.js";

export interface DryRunContext {
  provider: Provider;
  globals: GlobalOptions;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  /** Signing time, epoch ms; default now. */
  now?: number;
}

/**
 * `--dry-run`: the exact signed request the client would send, built from the operation's generated table row
 * and the service's (version, signing name, endpoints) and signed with core's plain-parts signers, so the Fetch
 * API (undici, on Node) is never loaded. Credentials come from the same chain as a real call.
 */
export async function dryRunText(ctx: DryRunContext, op: OperationFields, input: Record<string, unknown>) {
  const { provider, globals, settings, env } = ctx;
  const region = requireRegion(provider, settings);
  const service = generatedService(provider);
  const now = ctx.now ?? Date.now();
  const core = await import("@voicetask/core/node");
  if (provider.credentials === "tencent") {
    const c = await core.resolveTencentCredentials({ env, profile: settings.profile });
    const secrets = remember([c.secretKey, c.token]);
    const site = (globals.site as "intl" | "cn" | undefined) ?? "intl";
    const wire = await trtcWire({
      action: op.action ?? op.name,
      version: service.version,
      signingName: service.signingName,
      region,
      baseUrl:
        settings.endpoint ?? specEndpoint(service, (url) => url.includes(".intl.") === (site === "intl")),
      credentials: { secretId: c.secretId, secretKey: c.secretKey, ...(c.token ? { token: c.token } : {}) },
      input,
      now,
    });
    return describeWire(wire, secrets);
  }
  const c = await core.resolveAwsCredentials({ env, profile: settings.profile });
  const secrets = remember([c.secretAccessKey, c.sessionToken]);
  const wire = await chimeWire({
    method: op.method,
    path: op.path,
    signingName: service.signingName,
    region,
    baseUrl: settings.endpoint ?? specEndpoint(service, () => true).replace("{region}", region),
    credentials: {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
    },
    input,
    now,
  });
  return describeWire(wire, secrets);
}

/** The spec's endpoint the client defaults to (TRTC: the site's; Chime: the one template). */
function specEndpoint(service: GeneratedService, pick: (url: string) => boolean): string {
  const url = service.endpoints.find((e) => pick(e.url))?.url;
  if (!url) throw new Error("The spec names no endpoint for this site; pass --endpoint");
  return url;
}

function remember(secrets: (string | undefined)[]) {
  for (const s of secrets) if (s) sessionSecrets.push(s);
  return secrets;
}
