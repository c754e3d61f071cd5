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

  it("reads the limits and the control API's hosts and token (the token also from the environment)", () => {
    expect(
      parseCliOptions([
        "--max-connections",
        "64",
        "--headers-timeout=2",
        "--request-timeout",
        "5",
        "--idle-timeout",
        "1.5",
        "--trtc-tasks-per-app",
        "1000",
        "--journal-bytes",
        "1048576",
        "--control-host",
        "mock.internal,10.0.0.5",
        "--control-token",
        "token-from-flag",
      ]),
    ).toMatchObject({
      limits: {
        maxConnections: 64,
        headersTimeoutSeconds: 2,
        requestTimeoutSeconds: 5,
        idleTimeoutSeconds: 1.5,
        trtcTasksPerApp: 1000,
        journalBytes: 1048576,
      },
      controlHosts: ["mock.internal", "10.0.0.5"],
      controlToken: "token-from-flag",
    });
    expect(parseCliOptions([], { VOICETASK_MOCK_CONTROL_TOKEN: "token-from-env" })).toMatchObject({
      controlToken: "token-from-env",
    });
    expect(() => parseCliOptions(["--max-connections", "0"])).toThrow(
      "--max-connections must be a positive number",
    );
    expect(() => parseCliOptions(["--idle-timeout", "soon"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--control-token", "short"])).toThrow("at least 8 characters");
    expect(() => parseCliOptions(["--control-host", "a,,b"])).toThrow(UsageError);
  });

  it("refuses bad values and unknown flags", () => {
    expect(() => parseCliOptions(["--auth", "maybe"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--port", "70000"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--latency", "-1"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--log-level", "loud"])).toThrow(UsageError);
    expect(() => parseCliOptions(["--verbose"])).toThrow();
  });
});
