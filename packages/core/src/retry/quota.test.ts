import { describe, expect, it } from "vitest";
import { createRetryQuota } from "./quota.js";

describe("createRetryQuota", () => {
  it("charges 5 per retry and 10 per timeout until the 500 tokens are gone", () => {
    const quota = createRetryQuota();
    let retries = 0;
    while (quota.take("retry") !== undefined) retries++;
    expect(retries).toBe(100);
    expect(quota.available()).toBe(0);
    const q2 = createRetryQuota();
    let timeouts = 0;
    while (q2.take("timeout") !== undefined) timeouts++;
    expect(timeouts).toBe(50);
  });

  it("refunds 1 per plain success and the resend's cost after a successful resend, up to capacity", () => {
    const quota = createRetryQuota({ capacity: 20 });
    quota.take("retry");
    quota.take("timeout");
    expect(quota.available()).toBe(5);
    quota.succeeded();
    expect(quota.available()).toBe(6);
    quota.succeeded(10);
    expect(quota.available()).toBe(16);
    quota.succeeded(10);
    expect(quota.available()).toBe(20);
  });
});
