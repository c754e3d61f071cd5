import { EventParseError } from "../generated/event-parser.js";
import { callbackDedupeKey, createMemoryDedupeStore, type DedupeStore } from "./dedupe.js";
import { type CallbackEvent, parseCallback } from "./parse.js";
import { verifyCallback } from "./signature.js";

/** What `onEvent` learns besides the event. */
export interface CallbackContext {
  /** The `SdkAppId` header: the application the event belongs to. */
  readonly sdkAppId: string | null;
  /** The request as received (its body already read). */
  readonly request: Request;
}

export interface CallbackHandlerOptions {
  /** The application's callback key (TRTC console, at most 32 letters and digits). */
  key: string;
  /**
   * Called once per event, after its Sign is verified and its body read against the spec. Tencent waits at most
   * 5 s for the answer, which is sent when this returns: hand long work to a queue. When it throws, the answer is
   * 500, the event is forgotten by the dedupe store and Tencent's retry brings it again.
   */
  onEvent(event: CallbackEvent, context: CallbackContext): void | Promise<void>;
  /** Where taken events are remembered: default a memory store (one process); `false` turns deduplication off. */
  dedupe?: DedupeStore | false;
  /** Bodies longer than this are refused (413) unread. Default 1 MiB. */
  maxBodyBytes?: number;
}

const answer = (status: number, message?: string): Response =>
  Response.json(status === 200 ? { code: 0 } : { code: status, message }, { status });

/** The body, or undefined when it is longer than `max` bytes (read no further than that). */
async function readBody(request: Request, max: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get("content-length")) > max) return undefined;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    length += read.value.byteLength;
    if (length > max) {
      await reader?.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A fetch-style handler (`(Request) => Promise<Response>`, for Node, Deno, Bun and Workers) for TRTC's AI
 * conversation callbacks: it verifies the `Sign`, reads the body against the spec, takes each event once
 * (deduplicated on TaskId + EventType + EventMsTs) and answers 200. A wrong Sign is 401, a body that is not a
 * callback is 400 naming the member; nothing a sender does makes it throw.
 */
export function createCallbackHandler(
  options: CallbackHandlerOptions,
): (request: Request) => Promise<Response> {
  if (!options.key)
    throw new TypeError("createCallbackHandler needs the application's callback key (`key`).");
  const store = options.dedupe === false ? undefined : (options.dedupe ?? createMemoryDedupeStore());
  const maxBodyBytes = options.maxBodyBytes ?? 1 << 20;
  return async (request) => {
    try {
      if (request.method !== "POST") return answer(405, "callbacks are POSTed");
      const body = await readBody(request, maxBodyBytes);
      if (!body) return answer(413, `the body is longer than ${maxBodyBytes} bytes`);
      if (!(await verifyCallback(body, request.headers.get("Sign"), options.key)))
        return answer(401, "Sign does not match the body");
      const event = parseCallback(body);
      const key = store && callbackDedupeKey(event);
      if (store && !(await store.claim(key as string))) return answer(200);
      try {
        await options.onEvent(event, { sdkAppId: request.headers.get("SdkAppId"), request });
      } catch {
        await store?.release(key as string);
        return answer(500, "onEvent failed; the event will be delivered again");
      }
      return answer(200);
    } catch (error) {
      return error instanceof EventParseError
        ? answer(400, error.message)
        : answer(500, "the callback could not be taken");
    }
  };
}
