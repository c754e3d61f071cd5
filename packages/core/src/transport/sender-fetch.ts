import type { OperationInfo } from "./operation.js";
import { readOutgoing } from "./outgoing.js";
import type { Sender, SendOptions } from "./sender.js";

/**
 * The `fetch` a client hands openapi-fetch: core's sender limits, signs, sends, retries and throws typed errors;
 * a success goes back as the provider's own response, checked by the protocol and still unread, so openapi-fetch
 * parses it into the shape its types promise. `options` defaults to the request's own signal.
 *
 * @internal
 */
export function senderFetch(
  sender: () => Promise<Sender>,
  operationOf: (request: Request) => OperationInfo,
  options: (request: Request) => SendOptions = (request) => ({ signal: request.signal }),
): (request: Request) => Promise<Response> {
  return async (request) =>
    (await (await sender()).send(await readOutgoing(request), operationOf(request), options(request)))
      .response;
}
