import { readdirSync, readFileSync } from "node:fs";

/** One case of the AWS SigV4 suite (`v4/<name>/`), parsed; plain data so it can be sent to a browser too. */
export interface AwsSuiteCase {
  name: string;
  context: {
    credentials: { access_key_id: string; secret_access_key: string; token?: string };
    region: string;
    service: string;
    timestamp: string;
    normalize: boolean;
    sign_body: boolean;
  };
  method: string;
  /** The path as written on the request line (not necessarily a valid wire path). */
  path: string;
  query: string;
  host: string;
  /** Lower-case names; folded lines kept with "\n"; repeated headers as arrays, in order. */
  headers: Record<string, string | string[]>;
  body: string;
  expected: { canonicalRequest: string; stringToSign: string; signature: string; authorization: string };
}

const suiteDir = new URL("../fixtures/aws-sigv4-test-suite/v4/", import.meta.url);

/** Parses a suite `request.txt`: request line split on its first and last space (paths may hold spaces). */
export function parseRawRequest(text: string) {
  const [head = "", ...bodyParts] = text.split("\n\n");
  const [requestLine = "", ...headerLines] = head.split("\n");
  const first = requestLine.indexOf(" ");
  const last = requestLine.lastIndexOf(" ");
  const target = requestLine.slice(first + 1, last);
  const q = target.indexOf("?");
  const headers: Record<string, string | string[]> = {};
  let lastName = "";
  for (const line of headerLines) {
    if (line.length === 0) continue;
    if (/^[ \t]/.test(line)) {
      const previous = headers[lastName];
      if (Array.isArray(previous)) previous[previous.length - 1] += `\n${line}`;
      else headers[lastName] = `${previous}\n${line}`;
      continue;
    }
    const colon = line.indexOf(":");
    lastName = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1);
    const previous = headers[lastName];
    headers[lastName] =
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return {
    method: requestLine.slice(0, first),
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? "" : target.slice(q + 1),
    headers,
    body: bodyParts.join("\n\n"),
  };
}

export function loadAwsSuite(): AwsSuiteCase[] {
  return readdirSync(suiteDir)
    .sort()
    .map((name) => {
      const read = (file: string) => readFileSync(new URL(`${name}/${file}`, suiteDir), "utf8");
      const raw = parseRawRequest(read("request.txt"));
      const { host, ...headers } = raw.headers;
      const signedRequest = read("header-signed-request.txt");
      const authorization = /^Authorization:(.*)$/m.exec(signedRequest)?.[1] ?? "";
      return {
        name,
        context: JSON.parse(read("context.json")),
        method: raw.method,
        path: raw.path,
        query: raw.query,
        host: String(host),
        headers,
        body: raw.body,
        expected: {
          canonicalRequest: read("header-canonical-request.txt"),
          stringToSign: read("header-string-to-sign.txt"),
          signature: read("header-signature.txt").trim(),
          authorization,
        },
      };
    });
}
