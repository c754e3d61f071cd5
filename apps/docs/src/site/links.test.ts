import { describe, expect, it } from "vitest";
import { href } from "./links.js";

describe("href", () => {
  it("links between pages at different depths", () => {
    expect(href("index.html", "guides/quick-start.html")).toBe("guides/quick-start.html");
    expect(href("guides/quick-start.html", "index.html")).toBe("../index.html");
    expect(href("reference/trtc/StopAIConversation.html", "assets/style.css")).toBe("../../assets/style.css");
    expect(href("reference/trtc/index.html", "reference/trtc/StopAIConversation.html#errors")).toBe(
      "StopAIConversation.html#errors",
    );
  });

  it("links a page to itself", () => {
    expect(href("guides/errors.html", "guides/errors.html#tencent")).toBe("errors.html#tencent");
  });
});
