import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findService, type ServiceEntry } from "./services.js";
import { normalizeEndpoint, resolveSettings } from "./settings.js";

const [trtc, chime] = [findService("trtc"), findService("chime")] as [ServiceEntry, ServiceEntry];

function home(): string {
  const h = mkdtempSync(join(tmpdir(), "voicetask-settings-"));
  mkdirSync(join(h, ".tccli"));
  writeFileSync(
    join(h, ".tccli", "default.configure"),
    JSON.stringify({
      _sys_param: { region: "ap-tokyo", output: "table" },
      trtc: { endpoint: "trtc.intl.tencentcloudapi.com" },
    }),
  );
  mkdirSync(join(h, ".aws"));
  writeFileSync(
    join(h, ".aws", "config"),
    "[profile dev]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:4010\n",
  );
  return h;
}

describe("settings precedence: flag > environment > profile file > default", () => {
  it("TRTC", async () => {
    const HOME = home();
    expect(await resolveSettings(trtc, {}, { HOME })).toEqual({
      profile: "default",
      region: "ap-tokyo",
      endpoint: "https://trtc.intl.tencentcloudapi.com",
      output: "table",
    });
    const env = { HOME, TENCENTCLOUD_REGION: "ap-guangzhou", VOICETASK_TRTC_ENDPOINT: "http://127.0.0.1:1" };
    expect(await resolveSettings(trtc, {}, env)).toMatchObject({
      region: "ap-guangzhou",
      endpoint: "http://127.0.0.1:1",
    });
    expect(
      await resolveSettings(
        trtc,
        { region: "na-siliconvalley", endpoint: "http://h:2", output: "yaml" },
        env,
      ),
    ).toMatchObject({ region: "na-siliconvalley", endpoint: "http://h:2", output: "yaml" });
  });

  it("Chime: AWS_ENDPOINT_URL_CHIME_SDK_VOICE beats AWS_ENDPOINT_URL; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops both", async () => {
    const HOME = home();
    expect(await resolveSettings(chime, {}, { HOME, AWS_PROFILE: "dev" })).toMatchObject({
      profile: "dev",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:4010",
      output: "json",
    });
    const env = {
      HOME,
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL: "http://all:1",
      AWS_ENDPOINT_URL_CHIME_SDK_VOICE: "http://chime:2",
    };
    expect(await resolveSettings(chime, {}, env)).toMatchObject({
      region: "us-east-1",
      endpoint: "http://chime:2",
    });
    expect(
      await resolveSettings(chime, {}, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }),
    ).toMatchObject({ endpoint: undefined });
    expect(await resolveSettings(chime, { endpoint: "http://flag:3" }, env)).toMatchObject({
      endpoint: "http://flag:3",
    });
  });

  it("a bare host gets https://", () => {
    expect(normalizeEndpoint("trtc.tencentcloudapi.com")).toBe("https://trtc.tencentcloudapi.com");
    expect(normalizeEndpoint("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  });
});
