import { describe, expect, it } from "vitest";
import { readInput } from "../commands/operation.js";
import type { Io } from "../io.js";
import { loadModel, modelFields } from "../service-model.js";
import { services } from "../services.js";
import { skeleton } from "./skeleton.js";

/** An Io whose stdin is `text` (for `--cli-input-json -`). */
const stdin = (text: string): Io => ({
  env: {},
  out: () => {},
  err: () => {},
  stdoutIsTTY: false,
  stderrIsTTY: false,
  readStdin: async () => text,
});

describe("--generate-cli-skeleton", () => {
  it("is valid input for every operation: fed back through --cli-input-json, it passes validation", async () => {
    let checked = 0;
    for (const service of services) {
      const model = await loadModel(service);
      for (const op of model.operations) {
        const example = op.requestExamples.find((ex) => Object.keys(ex.value as object).length)?.value;
        const value = skeleton(modelFields(op), example as Record<string, unknown> | undefined);
        expect(Object.keys(value), op.name).toEqual(op.fields.map((f) => f.name));
        const module = await service.operations.find((o) => o.name === op.name)!.load();
        const input = await readInput(
          stdin(JSON.stringify(value)),
          service,
          module,
          { cliInputJson: "-" },
          [],
        );
        expect(input, op.name).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBe(8);
  });

  it("shows a JSON text (LLMConfig, TTSConfig) as the value it holds, and it is sent as text", async () => {
    const trtc = services.find((s) => s.name === "trtc")!;
    const model = await loadModel(trtc);
    const start = model.operations.find((o) => o.name === "StartAIConversation")!;
    const value = skeleton(modelFields(start));
    expect(value.LLMConfig).toMatchObject({
      LLMType: "openai",
      APIKey: expect.any(String),
      APIUrl: expect.any(String),
    });
    expect(value.TTSConfig).toMatchObject({
      TTSType: "flow",
      VoiceId: expect.any(String),
      Model: expect.any(String),
    });
    expect(value.AvatarConfig).toEqual({});
    const module = await trtc.operations.find((o) => o.name === "StartAIConversation")!.load();
    const input = await readInput(stdin(JSON.stringify(value)), trtc, module, { cliInputJson: "-" }, []);
    expect(typeof input.LLMConfig).toBe("string");
    expect(JSON.parse(input.LLMConfig as string)).toEqual(value.LLMConfig);
    expect(input.AvatarConfig).toBe("{}");
  });
});

describe("input from a file and from flags: problems named as the user gave them", () => {
  const problemsOf = async (file: object | undefined, flags: string[]) => {
    const trtc = services.find((s) => s.name === "trtc")!;
    const module = await trtc.operations.find((o) => o.name === "StartAIConversation")!.load();
    try {
      await readInput(stdin(JSON.stringify(file)), trtc, module, file ? { cliInputJson: "-" } : {}, flags);
      return [];
    } catch (error) {
      return (error as Error).message.split("\n");
    }
  };
  const base = {
    SdkAppId: 1400000001,
    RoomId: "r",
    AgentConfig: { UserId: "bot", UserSig: "s", TargetUserId: "u" },
    LLMConfig: { LLMType: "openai", Model: "m", APIKey: "k", APIUrl: "https://llm.example/v1" },
    TTSConfig: { TTSType: "flow", VoiceId: "v", Model: "flow_01_turbo" },
  };

  it("a file's problems by the file and the JSON path, inside JSON texts too", async () => {
    expect(await problemsOf(base, [])).toEqual([]);
    expect(
      await problemsOf(
        {
          ...base,
          AgentConfig: { UserId: "bot", TargetUserId: "u", InterruptWordList: ["a", 5] },
          LLMConfig: { LLMType: "openai", APIKey: "k" },
          TTSConfig: { TTSType: "flow", VoiceId: "v" },
        },
        [],
      ),
    ).toEqual(
      expect.arrayContaining([
        "stdin: AgentConfig.UserSig: required",
        "stdin: AgentConfig.InterruptWordList[1]: must be string",
        "stdin: LLMConfig.APIUrl: required",
        "stdin: TTSConfig.Model: required",
      ]),
    );
  });

  it("a JSON text may be given as text in a file too; one that is not JSON is named", async () => {
    expect(await problemsOf({ ...base, LLMConfig: JSON.stringify(base.LLMConfig) }, [])).toEqual([]);
    expect(await problemsOf({ ...base, AvatarConfig: "{nope" }, [])).toEqual([
      "stdin: AvatarConfig: not valid JSON (at position 1: expected a property name in double quotes)",
    ]);
  });

  it("a flag's problems by the flag; inside a JSON text, the flag and the path in the text", async () => {
    const flags = [
      "--sdk-app-id",
      "1",
      "--room-id",
      "r",
      "--agent-config.user-id",
      "b",
      "--agent-config.user-sig",
      "s",
    ];
    expect(
      await problemsOf(undefined, [
        ...flags,
        "--llm-config",
        '{"LLMType":"openai"}',
        "--tts-config",
        '{"TTSType":"custom","APIKey":"k","APIUrl":"https://t"}',
      ]),
    ).toEqual([
      "--agent-config.target-user-id: required",
      "--llm-config: APIKey: required",
      "--llm-config: APIUrl: required",
    ]);
    // A TTS provider's other form is not blamed: only the form TTSType names.
    expect(
      await problemsOf(undefined, [
        ...flags,
        "--agent-config.target-user-id",
        "u",
        "--tts-config",
        '{"TTSType":"flow","VoiceId":"v"}',
      ]),
    ).toEqual(["--tts-config: Model: required"]);
  });

  it("flags override a file, and then their problems name the flag", async () => {
    expect(await problemsOf(base, ["--agent-config.max-idle-time", "soon"])).toEqual([
      "--agent-config.max-idle-time: must be integer",
    ]);
  });
});
