// The mock of the limiter-goodput bench, in a worker thread of its own, so the client under test (main thread)
// and the service that judges it do not share an event loop. Posts { url } when listening; answers "count"
// with how many answers were throttles and how many were not.
import { parentPort } from "node:worker_threads";
import { startMockServer } from "@voicetask/mock";

let throttled = 0;
let answered = 0;
const mock = await startMockServer({
  port: 0,
  logLevel: "silent",
  observe: (answer) => {
    const code = answer.body?.Response?.Error?.Code;
    if (typeof code === "string" && code.startsWith("RequestLimitExceeded")) throttled++;
    else answered++;
  },
});
parentPort.postMessage({ url: mock.url });
parentPort.on("message", async (m) => {
  if (m === "count") parentPort.postMessage({ throttled, answered });
  if (m === "reset") {
    mock.control.reset();
    throttled = 0;
    answered = 0;
    parentPort.postMessage("reset");
  }
  if (m === "close") {
    await mock.close();
    parentPort.close();
  }
});
