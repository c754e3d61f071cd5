import type { HttpRequest, OperationModel, RestWire } from "@voicetask/core";
import { type DocsApi, defaultServerUrl, sampleRegion } from "../model/load.js";

/**
 * The request an input makes, unsigned: the client's own `buildRequest` for an API with a client (what the
 * client sends, what `--dry-run` prints), else (the mock's control API, which has no client) the REST wire of
 * the model filled in.
 */
export function wireRequest(api: DocsApi, op: OperationModel, input: Record<string, unknown>): HttpRequest {
  if (api.request) {
    const region = sampleRegion(api.model);
    if (!region) throw new Error(`${api.model.name}: the model documents no region for the samples`);
    return api.request.buildRequest(op.name, input, { region });
  }
  if (op.wire.protocol !== "rest")
    throw new Error(`${api.model.name}: ${op.name} needs a client to build it`);
  return restRequest(op.wire, input, defaultServerUrl(api.model) ?? "http://127.0.0.1:4010");
}

/** A REST request without a client: labels into the path, query members into the query, the rest as JSON. */
function restRequest(wire: RestWire, input: Record<string, unknown>, base: string): HttpRequest {
  const rest: Record<string, unknown> = { ...input };
  const take = (member: string) => {
    const value = rest[member];
    delete rest[member];
    return value;
  };
  const path = wire.path.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const label = wire.labels.find((l) => l.name === name);
    return encodeURIComponent(String(take(label?.member ?? name) ?? `{${name}}`));
  });
  const query = new URLSearchParams(wire.literalQuery.map(([k, v]) => [k, v]));
  for (const p of wire.query) {
    const value = take(p.member);
    if (value != null) query.append(p.name, String(value));
  }
  const headers: Record<string, string> = {};
  for (const p of wire.headers) {
    const value = take(p.member);
    if (value != null) headers[p.name.toLowerCase()] = String(value);
  }
  const url = new URL(base.replace(/\/$/, "") + path);
  url.search = query.toString();
  const request: HttpRequest = { method: wire.method, url: url.href, headers };
  if (Object.keys(rest).length) {
    headers["content-type"] = "application/json";
    request.body = JSON.stringify(rest);
  }
  return request;
}
