import { describe, expect, it } from "vitest";
import { canonicalPath, canonicalQuery, escapeUri } from "./uri.js";

describe("SigV4 URI canonicalisation", () => {
  it("escapes like the AWS SDKs, including !'()*", () => {
    expect(escapeUri("a b/c!'()*~-._")).toBe("a%20b%2Fc%21%27%28%29%2A~-._");
  });

  it("normalizes and double-encodes the already-encoded path, keeping slashes", () => {
    expect(canonicalPath("/voice-connectors/id%20with%2Fslash/speaker-search-tasks", true)).toBe(
      "/voice-connectors/id%2520with%252Fslash/speaker-search-tasks",
    );
    expect(canonicalPath("//a/./b/../c//", true)).toBe("/a/c/");
    expect(canonicalPath("/a/..", true)).toBe("/");
    expect(canonicalPath("", true)).toBe("");
    expect(canonicalPath("//a/./b%20", false)).toBe("//a/./b%20");
  });

  it("sorts by encoded name then value, treats a bare name as name=, drops X-Amz-Signature", () => {
    expect(canonicalQuery("b=2&a=2&a=1&flag&X-Amz-Signature=abc&&c=%20+")).toBe("a=1&a=2&b=2&c=%20%2B&flag=");
    expect(canonicalQuery("%E1%88%B4=1&Z=2&z=3")).toBe("%E1%88%B4=1&Z=2&z=3");
    expect(canonicalQuery("bad=%zz")).toBe("bad=%25zz");
  });
});
