import type { HttpRequest } from "@voicetask/core";

/** A request as raw HTTP/1.1: request line, `Host` first, the headers as built, a length for a body. */
export function rawRequest(request: HttpRequest): string {
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host, ...request.headers };
  if (request.body) headers["content-length"] = String(new TextEncoder().encode(request.body).byteLength);
  const lines = [
    `${request.method} ${url.pathname}${url.search} HTTP/1.1`,
    ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`),
  ];
  return request.body ? `${lines.join("\n")}\n\n${request.body}` : lines.join("\n");
}
