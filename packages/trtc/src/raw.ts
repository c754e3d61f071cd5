// The raw API, opt-in: the openapi-fetch client over the spec's pseudo-paths, for what the methods do not
// cover. Only programs that import this entry carry openapi-fetch.

import { senderFetch } from "@voicetask/core";
import type { Client } from "openapi-fetch";
import type { TrtcClient } from "./client.js";
import { operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { internals } from "./internals.js";
import { createClient } from "./openapi-fetch.js";
import { actionHeaders, baseUrlOf } from "./request.js";

type ActionInfo = (typeof operations)[keyof typeof operations];

const byPath = new Map<string, ActionInfo>(Object.values(operations).map((op) => [op.path, op]));
const made = new WeakMap<TrtcClient, Client<paths>>();

/**
 * The openapi-fetch client of `client`: `rawClient(client).POST("/StopAIConversation", { body, params })`.
 * It sends through the client's own sender, so it is signed, limited (same budget) and retried the same way;
 * `data` is the full `{ Response }` envelope and a provider error is thrown (typed), never returned in `error`.
 * A middleware rewrites `POST <base>/StopAIConversation` into `POST <base>/` with the action's `X-TC-*` headers,
 * overwriting whatever `params.header` says. Each client has one raw client (later calls answer the same one).
 */
export function rawClient(client: TrtcClient): Client<paths> {
  const existing = made.get(client);
  if (existing) return existing;
  const parts = internals.get(client);
  if (!parts) throw new TypeError("rawClient takes a client made by createTrtcClient");
  const { sender, target } = parts;

  const operationOfRequest = new WeakMap<Request, ActionInfo>();
  const raw = createClient<paths>({
    baseUrl: baseUrlOf(target),
    fetch: senderFetch(sender, (request) => {
      const op = operationOfRequest.get(request);
      if (!op) throw new TypeError(`No TRTC action for ${request.method} ${request.url}`);
      return op;
    }),
  });
  raw.use({
    async onRequest({ request, schemaPath, options }) {
      const op = byPath.get(schemaPath);
      if (!op) return undefined;
      const headers = new Headers(request.headers);
      headers.delete("X-TC-Language");
      for (const [name, value] of Object.entries(actionHeaders(op.action, target))) {
        headers.set(name, value);
      }
      const rewritten = new Request(`${options.baseUrl}/`, {
        method: "POST",
        headers,
        body: (await request.text()) || "{}",
        signal: request.signal,
      });
      operationOfRequest.set(rewritten, op);
      return rewritten;
    },
  });
  made.set(client, raw);
  return raw;
}
