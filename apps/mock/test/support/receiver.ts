import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got: the raw body and headers, exactly as posted. */
export interface Received {
  body: string;
  headers: Record<string, string>;
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Waits (polling, up to 10 s of real time for the I/O) until `test` holds. */
  until(test: (received: Received[]) => boolean, what: string): Promise<Received[]>;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, url: string): Promise<{ request: Request; body: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  return { request: new Request(url, { method: req.method, headers, body }), body };
}

/**
 * A real HTTP receiver on a free port running a fetch-style handler (what `createCallbackHandler` returns, or any
 * `(Request) => Response`), recording every request it got and what it answered.
 */
export async function startReceiver(
  handle: (request: Request) => Response | Promise<Response>,
): Promise<Receiver> {
  const received: Received[] = [];
  let url = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const { request, body } = await toRequest(req, url);
      const answer = await handle(request);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers[name] = value;
      received.push({ body, headers, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks`;
  return {
    url,
    received,
    async until(test, what) {
      const deadline = Date.now() + 10_000;
      while (!test(received)) {
        if (Date.now() > deadline)
          throw new Error(`receiver: ${what} did not happen; got ${received.length} requests`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
