import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyTc3, type WireRequest } from "@voicetask/core";

export const consumerCredentials = { secretId: "AKIDconsumerEXAMPLE", secretKey: "consumer-secret-EXAMPLE" };

export interface Seen {
  action: string | undefined;
  verified: boolean;
  body: unknown;
}

async function wire(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers: req.headers as WireRequest["headers"],
    body: new Uint8Array(Buffer.concat(chunks)),
  };
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
    if (req.method === "GET") {
      if (req.url === "/app.js" && appJs) {
        res.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(appJs));
      } else if (req.url !== "/") {
        res.writeHead(404).end();
      } else {
        res
          .writeHead(200, { "content-type": "text/html" })
          .end('<!doctype html><script type="module" src="/app.js"></script>');
      }
      return;
    }
    const request = await wire(req);
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, server };
}
