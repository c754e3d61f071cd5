import { expect, it } from "vitest";
import { DEFAULT_LIMITS, resolveLimits } from "./limits.js";

it("fills in the defaults and refuses limits that are not positive numbers, naming them", () => {
  expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
  expect(resolveLimits({ maxConnections: 10, journalBytes: Number.POSITIVE_INFINITY })).toMatchObject({
    maxConnections: 10,
    journalBytes: Number.POSITIVE_INFINITY,
    trtcTasksPerApp: 100,
    chimeActiveTasksPerRegion: 25,
  });
  expect(() => resolveLimits({ maxConnections: 0 })).toThrow(
    "limits.maxConnections must be a positive number",
  );
  expect(() => resolveLimits({ idleTimeoutSeconds: Number.NaN })).toThrow("limits.idleTimeoutSeconds");
  expect(() => resolveLimits({ nope: 1 } as never)).toThrow("limits.nope is not a limit of the mock");
  expect(() => resolveLimits({ headersTimeoutSeconds: 60, requestTimeoutSeconds: 30 })).toThrow(
    "headersTimeoutSeconds must not exceed",
  );
});
