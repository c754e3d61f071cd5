import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: "too-large" | "aborted" };

/**
 * Reads the request body, keeping at most `limit` bytes. Past the limit (declared or sent) it stops at once and
 * leaves the rest unread, so memory stays bounded whatever the client sends; {@link discardBody} then lets the
 * client finish sending before the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ ok: false, reason: "too-large" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (r: BodyResult) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("aborted", onAbort);
      if (!r.ok) req.pause();
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
    const onAbort = () => finish({ ok: false, reason: "aborted" });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("aborted", onAbort);
  });
}

/**
 * Reads and drops what is left of a request body, up to `maxBytes`, holding none of it. A client that sends its
 * whole body before it reads (most do) would otherwise meet a reset instead of the answer when the mock closes
 * a connection with unread bytes. Answers `drained` when the body ended, `overflow` past the bound (the caller
 * closes the connection), `aborted` when the client went away.
 */
export function discardBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<"drained" | "overflow" | "aborted"> {
  if (req.complete) return Promise.resolve("drained");
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (r: "drained" | "overflow" | "aborted") => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("close", onClose);
      if (r === "overflow") req.pause();
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) finish("overflow");
    };
    const onEnd = () => finish("drained");
    const onAbort = () => finish("aborted");
    const onClose = () => finish(req.complete ? "drained" : "aborted");
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("close", onClose);
    req.resume();
  });
}
