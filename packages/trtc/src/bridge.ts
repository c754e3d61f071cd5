import type { OperationInfo, Sender, SendOptions } from "@voicetask/core";

export interface SenderFetchOptions {
  sender: () => Promise<Sender>;
  /** The operation a request belongs to (recorded by the client's middleware or known by the method). */
  operationOf: (request: Request) => OperationInfo;
  sendOptions: (request: Request) => SendOptions;
  /** Puts the protocol's parsed payload back into the wire shape the OpenAPI types describe. */
  wrap?: (data: unknown) => unknown;
}

/**
 * Turns core's sender into the `fetch` openapi-fetch calls: the sender limits, signs, sends, retries and throws
 * typed errors; a success goes back to openapi-fetch as a plain JSON response (status and headers kept), so
 * the raw client's `data` has the shape its types promise.
 */
export function senderFetch(o: SenderFetchOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const sender = await o.sender();
    const { data, response } = await sender.send(request, o.operationOf(request), o.sendOptions(request));
    const headers = new Headers(response.headers);
    for (const name of ["content-length", "content-encoding", "transfer-encoding"]) headers.delete(name);
    const payload = data === undefined ? undefined : o.wrap ? o.wrap(data) : data;
    if (payload !== undefined) headers.set("content-type", "application/json");
    return new Response(payload === undefined ? null : JSON.stringify(payload), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
