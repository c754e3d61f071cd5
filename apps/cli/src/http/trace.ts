import { REDACTED, redactBody, redactHeader, scrub } from "../redact.js";
import { describeWire } from "./wire.js";

function headerLines(headers: Headers): string[] {
  return [...headers].map(([name, value]) => `${name}: ${redactHeader(name, value)}`);
}

/** The request as it goes on the wire (Host included), secrets redacted. */
export async function describeRequest(
  request: Request,
  secrets: readonly (string | undefined)[],
): Promise<string> {
  const url = new URL(request.url);
  const body = request.body ? await request.clone().text() : "";
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  headers.host ??= url.host;
  return describeWire({ method: request.method, url: request.url, headers, body }, secrets);
}

async function describeResponse(response: Response, ms: number, secrets: readonly (string | undefined)[]) {
  const body = await response.clone().text();
  const lines = [`${response.status} ${response.statusText} (${ms} ms)`, ...headerLines(response.headers)];
  if (body) lines.push("", redactBody(body));
  return scrub(lines.join("\n"), secrets);
}

const prefix = (mark: string, text: string) =>
  text
    .split("\n")
    .map((l) => `${mark} ${l}`)
    .join("\n");

export interface TraceOptions {
  debug: boolean;
  /** Secret values (keys, tokens) to strip from anything printed. */
  secrets: readonly (string | undefined)[];
  log: (text: string) => void;
  fetch?: typeof globalThis.fetch;
}

/**
 * The `fetch` handed to the clients: it sees each request after signing. Debug: log request and response
 * (redacted) on stderr. (`--dry-run` never gets here: it signs plain parts, see dry-run.ts.)
 */
export function tracingFetch(o: TraceOptions): typeof globalThis.fetch {
  const inner = o.fetch ?? globalThis.fetch.bind(globalThis);
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (!o.debug) return inner(request, init?.signal ? { signal: init.signal } : undefined);
    o.log(prefix(">", await describeRequest(request, o.secrets)));
    const started = performance.now();
    try {
      const response = await inner(request, init?.signal ? { signal: init.signal } : undefined);
      o.log(
        prefix("<", await describeResponse(response, Math.round(performance.now() - started), o.secrets)),
      );
      return response;
    } catch (error) {
      o.log(`< ${scrub(String((error as Error).message ?? error), o.secrets)} (no response)`);
      throw error;
    }
  }) as typeof globalThis.fetch;
}

export { REDACTED };
