// Runs one server of the throughput bench in its own thread, so autocannon (main thread) and the server under
// test do not share an event loop. workerData.kind: "bare" | "floor" | "mock". Posts { port } when listening.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { verifyTc3 } from "@voicetask/core";

const FIXED = JSON.stringify({
  Response: { StartTime: "2025-04-24 16:15:48.076648", Status: "InProgress", TaskId: "t", RequestId: "r" },
});

const answerFixed = (res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(FIXED) });
  res.end(FIXED);
};

/** The bench's key pair (the mock's documented demo pair). */
const lookupSecret = (id) => (id === "AKIDvoicetaskDEMO" ? "voicetask-demo-secret" : undefined);

/**
 * "bare": answers a fixed body without reading the request (the peer).
 * "floor": the least any verifying server must do: read the body, verify its TC3 signature with core's
 * verifier, parse the JSON, answer a fixed body; no validation, routing, task state, journal or error format.
 */
const handlers = {
  bare: (req, res) => {
    req.resume();
    req.on("end", () => answerFixed(res));
  },
  floor: (req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const verified = await verifyTc3(
        { method: req.method, url: req.url, headers: req.headers, body },
        { lookupSecret },
      );
      if (!verified.ok) {
        res.writeHead(401).end(verified.code);
        return;
      }
      JSON.parse(body.toString("utf8"));
      answerFixed(res);
    });
  },
};

let close;
if (workerData.kind in handlers) {
  const server = createServer(handlers[workerData.kind]);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => server.close(resolve));
  parentPort.postMessage({ port: server.address().port });
} else {
  const { startMockServer } = await import("../dist/index.js");
  const mock = await startMockServer({ port: 0, rateLimit: false, logLevel: "error" });
  close = () => mock.close();
  parentPort.postMessage({ port: mock.port });
}
parentPort.on("message", async (m) => {
  if (m === "close") {
    await close();
    parentPort.close();
  }
});
