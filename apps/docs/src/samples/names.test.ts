import { describe, expect, it } from "vitest";
import { camel, shellQuote } from "./names.js";

describe("names", () => {
  it("quotes shell words only when needed", () => {
    expect(shellQuote("room_1")).toBe("room_1");
    expect(shellQuote("SV1FR+XTtvz-PEp.")).toBe("SV1FR+XTtvz-PEp.");
    expect(shellQuote("Hello, how are you?")).toBe("'Hello, how are you?'");
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });

  it("camel-cases member names, keeping a leading acronym together", () => {
    expect(camel("LLMConfig")).toBe("llmConfig");
    expect(camel("TTSConfig")).toBe("ttsConfig");
    expect(camel("AvatarConfig")).toBe("avatarConfig");
    expect(camel("ID")).toBe("id");
    expect(camel("taskId")).toBe("taskId");
  });
});
