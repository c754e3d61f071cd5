// Runs one server of the throughput bench in its own thread, so autocannon (main thread) and the server under
// test do not share an event loop. workerData.kind: "bare" | "mock". Posts { port } when listening.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const FIXED = JSON.stringify({
  Response: { StartTime: "2025-04-24 16:15:48.076648", Status: "InProgress", TaskId: "t", RequestId: "r" },
});

let close;
if (workerData.kind === "bare") {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(FIXED) });
      res.end(FIXED);
    });
  });
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
