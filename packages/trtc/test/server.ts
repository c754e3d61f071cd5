import { createServer, type Server } from "node:http";
import { verifyTc3 } from "@voicetask/core";
import { listenOnLoopback, readWire, servePage } from "@voicetask/test-kit/stand-in";

export const consumerCredentials = { secretId: "AKIDconsumerEXAMPLE", secretKey: "consumer-secret-EXAMPLE" };

export interface Seen {
  action: string | undefined;
  verified: boolean;
  body: unknown;
}

/**
 * A local TRTC stand-in on 127.0.0.1 that answers only requests signed with {@link consumerCredentials}
 * (checked with core's verifier) in Tencent's wire format; it also serves `GET /` (a page) and `GET /app.js`
 * (a browser bundle) so a browser can call the API from the same origin.
 */
export async function startTrtcServer(
  appJs?: string,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    if (req.method === "GET") return servePage(req, res, appJs);
    const request = await readWire(req);
    const check = await verifyTc3(request, {
      lookupSecret: (id) => (id === consumerCredentials.secretId ? consumerCredentials.secretKey : undefined),
    });
    const body = JSON.parse(new TextDecoder().decode(request.body) || "{}") as { TaskId?: string };
    const action = req.headers["x-tc-action"] as string | undefined;
    seen.push({ action, verified: check.ok, body });
    const answer = !check.ok
      ? { Error: { Code: check.code, Message: check.message } }
      : body.TaskId === "missing"
        ? { Error: { Code: "FailedOperation.TaskNotExist", Message: "The task does not exist." } }
        : { TaskId: body.TaskId, Status: "Stopped" };
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ Response: { ...answer, RequestId: `req-${seen.length}` } }));
  });
  return { url: await listenOnLoopback(server), seen, server };
}
