import { readFile } from "node:fs/promises";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WireRequest } from "@voicetask/core";

/** The request as core's verifiers see it: method, path with query, headers and the exact body bytes. */
export async function readWire(req: IncomingMessage): Promise<WireRequest> {
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
 * Answers a page request of a local API stand-in: `GET /` is a page that loads `/app.js`, `GET /app.js` is
 * the browser bundle at `appJs`, anything else is 404. Lets a browser call the API from the same origin.
 */
export async function servePage(req: IncomingMessage, res: ServerResponse, appJs?: string): Promise<void> {
  if (req.url === "/app.js" && appJs) {
    res.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(appJs));
  } else if (req.url !== "/") {
    res.writeHead(404).end();
  } else {
    res
      .writeHead(200, { "content-type": "text/html" })
      .end('<!doctype html><script type="module" src="/app.js"></script>');
  }
}

/** Starts `server` on a free port of 127.0.0.1 and answers its base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
