import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
    expect(list.stdout).toMatch(new RegExp(`^tencent\\.region +ap-tokyo +file ${configure}$`, "m"));
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

  it("list shows each key's effective value and where it comes from: environment, file or default", async () => {
    const HOME = freshHome();
    const set = (key: string, value: string, profile = "default") =>
      run(["configure", "set", key, value, "--profile", profile], { HOME });
    await set("tencent.secretId", "AKIDlistfile00001111");
    await set("tencent.secretKey", "list-file-secret-key-2222");
    await set("tencent.region", "ap-guangzhou");
    await set("tencent.sdkSecretKey.1400000001", "sdk-secret-in-file-3333");
    await set("aws.region", "eu-west-1", "dev");
    const env = {
      HOME,
      TENCENTCLOUD_REGION: "ap-tokyo",
      AWS_PROFILE: "dev",
      AWS_SECRET_ACCESS_KEY: "aws-env-secret-4444",
      AWS_ACCESS_KEY_ID: "AKIAENVLIST00005555",
      TRTC_SDK_SECRET_KEY: "sdk-secret-in-env-6666",
    };
    const list = await run(["configure", "list"], env);
    expect(list.code).toBe(0);
    const rows = Object.fromEntries(
      list.stdout
        .trimEnd()
        .split("\n")
        .slice(2)
        .map((line) => {
          const [key, value, ...source] = line.split(/ {2,}/);
          return [key, [value, source.join("  ")]];
        }),
    );
    const credential = join(HOME, ".tccli", "default.credential");
    expect(rows).toMatchObject({
      "tencent.profile": ["default", "default"],
      "tencent.secretId": ["****1111", `file ${credential}`],
      "tencent.secretKey": ["****2222", `file ${credential}`],
      "tencent.token": ["<not set>", ""],
      "tencent.region": ["ap-tokyo", "env TENCENTCLOUD_REGION"],
      "tencent.output": ["json", "default"],
      "aws.profile": ["dev", "env AWS_PROFILE"],
      "aws.aws_access_key_id": ["****5555", "env AWS_ACCESS_KEY_ID"],
      "aws.aws_secret_access_key": ["****4444", "env AWS_SECRET_ACCESS_KEY"],
      "aws.region": ["eu-west-1", `file ${join(HOME, ".aws", "config")}`],
      "tencent.sdkSecretKey.*": ["****6666", "env TRTC_SDK_SECRET_KEY"],
      "tencent.sdkSecretKey.1400000001": ["****3333", `file ${credential} (TRTC_SDK_SECRET_KEY wins)`],
    });
    for (const secret of [
      "list-file-secret-key-2222",
      "aws-env-secret-4444",
      "sdk-secret-in-file-3333",
      "sdk-secret-in-env-6666",
    ])
      expect(list.stdout).not.toContain(secret);
    // The Tencent Cloud INI file is read before tccli's, as the commands read it.
    mkdirSync(join(HOME, ".tencentcloud"));
    writeFileSync(
      join(HOME, ".tencentcloud", "credentials"),
      "[default]\nsecret_id = AKIDini000000007777\nsecret_key = ini-secret-8888\n",
    );
    const ini = await run(["configure", "list"], { HOME });
    expect(ini.stdout).toMatch(
      /^tencent\.secretId +\*{4}7777 +file \S+\/\.tencentcloud\/credentials \[default\]$/m,
    );
  });

  it("the keys the README lists are the keys configure takes", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const help = await run(["configure", "--help"]);
    const keys = [...help.stdout.matchAll(/^ {2}((?:tencent|aws)\.[\w.<>]+)/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(readme, key).toContain(`\`${key}\``);
    const mentioned = [...readme.matchAll(/configure (?:set|get) ((?:tencent|aws)\.[\w.<>]+)/g)].map(
      (m) => m[1]!,
    );
    expect(mentioned.length).toBeGreaterThan(0);
    for (const key of mentioned) expect(keys, key).toContain(key);
  });
});
