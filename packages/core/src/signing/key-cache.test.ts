import { describe, expect, it } from "vitest";
import { signingKeyCacheSize } from "./key-cache.js";
import { tc3Sign } from "./tc3.js";

describe("derived signing-key cache", () => {
  it("stays bounded and keeps signing correctly for a secret whose object changes", async () => {
    const credentials = { secretId: "id", secretKey: "first-secret" };
    const sign = (timestamp: number) =>
      tc3Sign({
        method: "POST",
        host: "trtc.tencentcloudapi.com",
        headers: { "content-type": "application/json" },
        payload: "{}",
        timestamp,
        service: "trtc",
        credentials,
      });
    for (let day = 0; day < 200; day++) await sign(day * 86_400);
    expect(signingKeyCacheSize()).toBeLessThanOrEqual(64);

    const before = (await sign(0)).signature;
    credentials.secretKey = "second-secret";
    const after = (await sign(0)).signature;
    const fresh = (
      await tc3Sign({
        method: "POST",
        host: "trtc.tencentcloudapi.com",
        headers: { "content-type": "application/json" },
        payload: "{}",
        timestamp: 0,
        service: "trtc",
        credentials: { secretId: "id", secretKey: "second-secret" },
      })
    ).signature;
    expect(after).not.toBe(before);
    expect(after).toBe(fresh);
  });
});
