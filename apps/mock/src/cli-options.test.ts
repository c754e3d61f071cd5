import { describe, expect, it } from "vitest";
import { parseCliOptions, UsageError } from "./cli-options.js";

describe("voicetask-mock options", () => {
  it("has the documented defaults", () => {
    expect(parseCliOptions([])).toEqual({
      host: "127.0.0.1",
      port: 4010,
      auth: "verify",
      rateLimit: true,
      latencyMs: 0,
      logLevel: "warn",
    });
  });

  it("reads every flag", () => {
    expect(
      parseCliOptions([
        "--host=0.0.0.0",
        "--port",
        "0",
        "--credentials",
        "keys.json",
        "--auth",
        "off",
        "--rate-limit",
        "off",
        "--latency",
        "25",
        "--log-level",
        "debug",
      ]),
    ).toEqual({
      host: "0.0.0.0",
      port: 0,
      credentials: "keys.json",
      auth: "off",
      rateLimit: false,
      latencyMs: 25,
      logLevel: "debug",
    });
    expect(parseCliOptions(["-h"])).toBe("help");
  });

  it("reads --cors: origins or *", () => {
    expect(parseCliOptions(["--cors", "http://localhost:3000,http://127.0.0.1:5173"])).toMatchObject({
      cors: ["http://localhost:3000", "http://127.0.0.1:5173"],
    });
    expect(parseCliOptions(["--cors=*"])).toMatchObject({ cors: "*" });
    expect(parseCliOptions([])).not.toHaveProperty("cors");
    expect(() => parseCliOptions(["--cors", "localhost:3000"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--cors", "localhost:3000"])).toThrow(
      /^--cors: "localhost:3000" is not an origin/,
    );
  });

  it("refuses bad values and unknown flags", () => {
    expect(() => parseCliOptions(["--auth", "maybe"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--port", "70000"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--latency", "-1"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--log-level", "loud"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--verbose"])).toThrow();
  });
});
