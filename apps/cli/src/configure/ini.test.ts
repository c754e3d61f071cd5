import { describe, expect, it } from "vitest";
import { getIni, parseIniFile, serializeIni, setIni } from "./ini.js";

describe("INI editor", () => {
  it("updates a key in place, adds keys and sections, keeps comments and other sections", () => {
    const file = parseIniFile("# mine\n[default]\nregion = us-east-1\n\n[profile b]\noutput = text\n");
    setIni(file, "default", "region", "eu-west-1");
    setIni(file, "default", "output", "json");
    setIni(file, "profile c", "region", "ap-northeast-1");
    expect(serializeIni(file)).toBe(
      "# mine\n[default]\nregion = eu-west-1\noutput = json\n\n[profile b]\noutput = text\n\n[profile c]\nregion = ap-northeast-1\n",
    );
    expect(getIni(file, "profile b")).toEqual({ output: "text" });
    expect(getIni(file, "missing")).toEqual({});
  });
});
