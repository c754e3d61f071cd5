// The raw API, opt-in: the openapi-fetch client over the spec's paths, for what the methods do not cover.
// Only programs that import this entry carry openapi-fetch.

import { type OperationInfo, senderFetch } from "@voicetask/core";
import type { Client } from "openapi-fetch";
import type { ChimeSdkVoiceClient } from "./client.js";
import { operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { internals } from "./internals.js";
import { createClient } from "./openapi-fetch.js";
import { baseUrlOf } from "./request.js";

const byPath = new Map<string, OperationInfo>(Object.values(operations).map((op) => [op.path, op]));
const made = new WeakMap<ChimeSdkVoiceClient, Client<paths>>();

/**
 * The openapi-fetch client of `client`:
 * `rawClient(client).GET("/voice-connectors/{VoiceConnectorId}/speaker-search-tasks/{SpeakerSearchTaskId}", …)`.
 * It sends through the client's own sender, so it is signed, limited (same budget) and retried the same way; its
 * `data` is the wire JSON (timestamps as strings) and a provider error is thrown (typed), never returned in
 * `error`. Each client has one raw client (later calls answer the same one).
 */
export function rawClient(client: ChimeSdkVoiceClient): Client<paths> {
  const existing = made.get(client);
  if (existing) return existing;
  const parts = internals.get(client);
  if (!parts) throw new TypeError("rawClient takes a client made by createChimeSdkVoiceClient");

  // The middleware records which operation a request is for, keyed by the Request object.
  const operationOfRequest = new WeakMap<Request, OperationInfo>();
  const raw = createClient<paths>({
    baseUrl: baseUrlOf(parts.target),
    fetch: senderFetch(parts.sender, (request) => {
      const op = operationOfRequest.get(request);
      if (!op) throw new TypeError(`No Chime SDK Voice operation for ${request.method} ${request.url}`);
      return op;
    }),
  });
  raw.use({
    onRequest({ request, schemaPath }) {
      const op = byPath.get(schemaPath);
      if (op) operationOfRequest.set(request, op);
    },
  });
  made.set(client, raw);
  return raw;
}
