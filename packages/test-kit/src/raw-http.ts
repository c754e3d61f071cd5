import type { WireRequest } from "@voicetask/core";

/**
 * A raw HTTP/1.1 request as the docs show it (`METHOD target HTTP/1.1`, `name: value` headers, a blank line, the
 * body) as a wire request for core's verifiers: header names lower-cased, the body as UTF-8 bytes.
 */
export function parseRawHttp(raw: string): WireRequest {
  const [head = "", ...rest] = raw.split("\n\n");
  const [requestLine = "", ...headerLines] = head.split("\n");
  const [method = "", url = ""] = requestLine.split(" ");
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const i = line.indexOf(": ");
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 2);
  }
  return { method, url, headers, body: new TextEncoder().encode(rest.join("\n\n")) };
}
