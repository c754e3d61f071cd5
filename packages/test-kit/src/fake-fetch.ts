import type { WireRequest } from "@voicetask/core";

export interface Recorded {
  request: Request;
  wire: WireRequest;
  bodyText: string;
}

type Answer = Response | Error | "hang";

/**
 * A fake `fetch` that records every request (with the exact bytes sent) and answers with `answer(call, n)`.
 * `"hang"` never answers until the request's signal aborts, like a server that stalls.
 */
export function fakeFetch(answer: (call: Recorded, n: number) => Answer | Promise<Answer>) {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const signal = init?.signal ?? request.signal;
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers.host ??= url.host;
    const call: Recorded = {
      request,
      wire: { method: request.method, url: url.pathname + url.search, headers, body },
      bodyText: new TextDecoder().decode(body),
    };
    calls.push(call);
    const result = await answer(call, calls.length);
    if (result === "hang") {
      return new Promise<Response>((_, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    if (result instanceof Error) throw result;
    return result;
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}
