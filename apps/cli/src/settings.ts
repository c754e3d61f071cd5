import { awsConfigSection, paths, readIniSection, readJsonFile } from "./configure/files.js";
import type { GlobalOptions, OutputFormat } from "./globals.js";
import type { ServiceEntry } from "./services.js";
import { UsageError } from "./usage-error.js";

export interface Settings {
  profile: string;
  region: string | undefined;
  endpoint: string | undefined;
  output: OutputFormat;
}

/** `trtc.intl.tencentcloudapi.com` (tccli style, no scheme) → `https://trtc.intl.tencentcloudapi.com`. */
export function normalizeEndpoint(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
}

const first = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v !== "");

/**
 * Precedence, highest first: flags; environment; the profile's config file; defaults.
 * - TRTC: region TENCENTCLOUD_REGION, `~/.tccli/<profile>.configure` `_sys_param.region`; endpoint
 *   VOICETASK_TRTC_ENDPOINT, then `trtc.endpoint` in that file; profile `--profile`, TCCLI_PROFILE.
 * - Chime: region AWS_REGION, AWS_DEFAULT_REGION, `~/.aws/config` `region`; endpoint
 *   AWS_ENDPOINT_URL_CHIME_SDK_VOICE, AWS_ENDPOINT_URL, then `endpoint_url` in the profile (all ignored when
 *   AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true); profile `--profile`, AWS_PROFILE.
 */
export async function resolveSettings(
  service: ServiceEntry,
  globals: GlobalOptions,
  env: NodeJS.ProcessEnv,
): Promise<Settings> {
  if (service.credentials === "tencent") {
    const profile = first(globals.profile, env.TCCLI_PROFILE) ?? "default";
    const file = await readJsonFile(paths(env, profile).tccliConfigure).catch(() => ({}));
    const sys = ((file as Record<string, unknown>)._sys_param ?? {}) as Record<string, string>;
    const trtc = ((file as Record<string, unknown>).trtc ?? {}) as Record<string, string>;
    return {
      profile,
      region: first(globals.region, env.TENCENTCLOUD_REGION, sys.region),
      endpoint: normalizeEndpoint(first(globals.endpoint, env.VOICETASK_TRTC_ENDPOINT, trtc.endpoint)),
      output: (first(globals.output, sys.output) ?? "json") as OutputFormat,
    };
  }
  const profile = first(globals.profile, env.AWS_PROFILE) ?? "default";
  const config = await readIniSection(paths(env, profile).awsConfig, awsConfigSection(profile));
  const ignoreConfigured = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true";
  return {
    profile,
    region: first(globals.region, env.AWS_REGION, env.AWS_DEFAULT_REGION, config.region),
    endpoint: normalizeEndpoint(
      first(
        globals.endpoint,
        ignoreConfigured ? undefined : env.AWS_ENDPOINT_URL_CHIME_SDK_VOICE,
        ignoreConfigured ? undefined : env.AWS_ENDPOINT_URL,
        ignoreConfigured ? undefined : config.endpoint_url,
      ),
    ),
    output: (first(globals.output, config.output) ?? "json") as OutputFormat,
  };
}

export function requireRegion(service: ServiceEntry, settings: Settings): string {
  if (settings.region) return settings.region;
  const env = service.credentials === "tencent" ? "TENCENTCLOUD_REGION" : "AWS_REGION";
  throw new UsageError(
    "a region is required",
    `Pass --region, set ${env}, or run \`voicetask configure\`. Regions: see \`voicetask ${service.name} --help\`.`,
  );
}
