import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const workerPath = fileURLToPath(new URL("./acquire-worker.ts", import.meta.url));

/** A child Node process running `acquire-worker.ts` against `url`. */
export interface Worker {
  request<T>(message: object): Promise<T>;
  stop(): Promise<void>;
}

export async function startWorker(url: string): Promise<Worker> {
  const child: ChildProcess = fork(workerPath, [url], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`worker exited with ${code}`));
      child.once("exit", onExit);
      child.once("message", (m) => {
        child.off("exit", onExit);
        resolve(m as T);
      });
    });
  const ready = await next<string>();
  if (ready !== "ready") throw new Error(`worker said ${JSON.stringify(ready)} instead of ready`);
  return {
    request<T>(message: object) {
      const answer = next<T>();
      child.send(message);
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  };
}
