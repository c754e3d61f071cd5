import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockEnv, startMock } from "./mock-env.js";
import { freshHome, run } from "./run-bin.js";

let m: MockEnv;
beforeAll(async () => {
  m = await startMock();
});
afterAll(() => m.mock.close());

const mode = (path: string) => statSync(path).mode & 0o777;

describe("voicetask configure set/get/list (built bin)", () => {
  it("writes tccli's files with mode 0600, masks on list/get, and the commands then use the profile", async () => {
    const HOME = freshHome();
    const tencent = m.mock.credentials.tencent![0]!;
    for (const [key, value] of [
      ["tencent.secretId", tencent.secretId],
      ["tencent.secretKey", tencent.secretKey],
      ["tencent.region", "ap-tokyo"],
      ["tencent.endpoint", m.mock.url],
    ]) {
      expect((await run(["configure", "set", key!, value!, "--profile", "mock"], { HOME })).code).toBe(0);
    }
    const credential = join(HOME, ".tccli", "mock.credential");
    const configure = join(HOME, ".tccli", "mock.configure");
    expect(mode(credential)).toBe(0o600);
    expect(mode(configure)).toBe(0o600);
    expect(JSON.parse(readFileSync(credential, "utf8"))).toEqual({
      secretId: tencent.secretId,
      secretKey: tencent.secretKey,
    });
    expect(JSON.parse(readFileSync(configure, "utf8"))).toEqual({
      _sys_param: { region: "ap-tokyo" },
      trtc: { endpoint: m.mock.url },
    });

    const list = await run(["configure", "list", "--profile", "mock"], { HOME });
    expect(list.stdout).toMatch(/tencent\.secretKey\s+\*{4}\S{0,4}\s/);
    expect(list.stdout).toContain("tencent.region              ap-tokyo");
    expect(list.stdout).not.toContain(tencent.secretKey);
    const get = await run(["configure", "get", "tencent.secretKey", "--profile", "mock"], { HOME });
    expect(get.stdout.trim()).toMatch(/^\*{4}/);

    // No environment keys: the profile's files give credentials, region and endpoint (the mock).
    const r = await run(["trtc", "stop-ai-conversation", "--task-id", "nope", "--profile", "mock"], { HOME });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("FailedOperation.TaskNotExist");
  });

  it("writes ~/.aws/credentials and ~/.aws/config (profile section), mode 0600, keeping other sections", async () => {
    const HOME = freshHome();
    const aws = m.mock.credentials.aws![0]!;
    await run(["configure", "set", "aws.aws_access_key_id", "AKIAOTHERPROFILE", "--profile", "other"], {
      HOME,
    });
    for (const [key, value] of [
      ["aws.aws_access_key_id", aws.accessKeyId],
      ["aws.aws_secret_access_key", aws.secretAccessKey],
      ["aws.region", "us-west-2"],
      ["aws.endpoint_url", m.mock.url],
      ["aws.output", "text"],
    ]) {
      expect((await run(["configure", "set", key!, value!, "--profile", "dev"], { HOME })).code).toBe(0);
    }
    const credentials = readFileSync(join(HOME, ".aws", "credentials"), "utf8");
    expect(credentials).toBe(
      `[other]\naws_access_key_id = AKIAOTHERPROFILE\n\n[dev]\naws_access_key_id = ${aws.accessKeyId}\naws_secret_access_key = ${aws.secretAccessKey}\n`,
    );
    expect(readFileSync(join(HOME, ".aws", "config"), "utf8")).toBe(
      `[profile dev]\nregion = us-west-2\nendpoint_url = ${m.mock.url}\noutput = text\n`,
    );
    expect(mode(join(HOME, ".aws", "credentials"))).toBe(0o600);
    expect(mode(join(HOME, ".aws", "config"))).toBe(0o600);
    expect((await run(["configure", "set", "aws.output", "xml", "--profile", "dev"], { HOME })).code).toBe(1);

    const r = await run(
      [
        "chime",
        "start-speaker-search-task",
        "--voice-connector-id",
        "vc-prof",
        "--transaction-id",
        "t",
        "--voice-profile-domain-id",
        "d",
        "--query",
        "SpeakerSearchTask.CallDetails.VoiceConnectorId",
      ],
      { HOME, AWS_PROFILE: "dev" },
    );
    expect(r).toMatchObject({ code: 0, stdout: "vc-prof\n" }); // output format `text` from the profile
  });

  it("the interactive form also reads piped answers", async () => {
    const HOME = freshHome();
    const r = await run(
      ["configure"],
      { HOME },
      "tencent\nAKIDpiped0000\npiped-secret-key\nap-singapore\nyaml\n",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(HOME, ".tccli", "default.credential"), "utf8"))).toEqual({
      secretId: "AKIDpiped0000",
      secretKey: "piped-secret-key",
    });
    expect(JSON.parse(readFileSync(join(HOME, ".tccli", "default.configure"), "utf8"))).toEqual({
      _sys_param: { region: "ap-singapore", output: "yaml" },
    });
  });
});
