import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Clock } from "../clock.js";

export interface PostOutcome {
  /** The HTTP status, 0 when there was none (refused, reset, timed out). */
  status: number;
  /** Why there was no answer. */
  error?: string;
}

/**
 * One POST of an event to a receiver. Redirects are never followed (a 3xx is an answer like any other, and not
 * 200), the answer's body is read and dropped, and an answer that does not come within `timeoutMs` of `clock`
 * fails the attempt. Never rejects.
 */
export function postEvent(
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
  clock: Clock,
  timeoutMs: number,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const timer = new AbortController();
    let done = false;
    const finish = (outcome: PostOutcome) => {
      if (done) return;
      done = true;
      timer.abort();
      resolve(outcome);
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    let req: ReturnType<typeof httpRequest>;
    try {
      req = send(url, {
        method: "POST",
        headers: { ...headers, "Content-Length": String(body.length) },
        agent: false,
      });
    } catch (e) {
      return finish({ status: 0, error: e instanceof Error ? e.message : String(e) });
    }
    req.on("error", (e) => finish({ status: 0, error: e.message }));
    req.on("response", (res) => {
      res.on("error", (e) => finish({ status: 0, error: e.message }));
      res.on("end", () => finish({ status: res.statusCode ?? 0 }));
      res.resume();
    });
    clock.sleep(timeoutMs, timer.signal).then(
      () => {
        finish({ status: 0, error: `no answer within ${timeoutMs / 1000} s` });
        req.destroy();
      },
      () => {},
    );
    req.end(body);
  });
}
