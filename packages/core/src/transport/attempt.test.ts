import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { toNetworkError } from "./attempt.js";

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("toNetworkError", () => {
  it("names the target and the cause Node's fetch keeps below `fetch failed`", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/StopAIConversation?x=1`;
    const thrown = await fetch(url).catch((error: unknown) => error);
    const error = toNetworkError(thrown, "StopAIConversation", url);
    expect(error.message).toBe(
      `Network error calling StopAIConversation on http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(error.beforeSend).toBe(true);
  });

  it("keeps a browser's own words when there is no cause, and adds a code the words lack", () => {
    expect(toNetworkError(new TypeError("Failed to fetch"), "GetSpeakerSearchTask").message).toBe(
      "Network error calling GetSpeakerSearchTask: Failed to fetch",
    );
    const reset = new TypeError("fetch failed", {
      cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
    });
    expect(toNetworkError(reset, "StopAIConversation", "https://trtc.tencentcloudapi.com/").message).toBe(
      "Network error calling StopAIConversation on https://trtc.tencentcloudapi.com: other side closed (UND_ERR_SOCKET)",
    );
  });
});
