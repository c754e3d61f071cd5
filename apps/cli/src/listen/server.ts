import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CommandContext, CommandRunner } from "../commands/registry.js";
import { noExtra } from "../commands/registry.js";
import { commandHelp } from "../help.js";
import { helpWidth, type Io } from "../io.js";
import { parseOperationFlags } from "../schema/input.js";
import type { JsonSchema } from "../schema/json-schema.js";
import { validateInput } from "../schema/validate.js";
import { colours } from "../style.js";
import { UsageError } from "../usage-error.js";
import type { Received, Receiver, ReceiverFactory } from "./receiver.js";

// `voicetask trtc callbacks listen` and `voicetask chime-sdk-voice events listen`, in the spirit of `stripe
// listen`: a local HTTP receiver that checks each request with the command's receiver, answers it, prints one
// line per request and, when asked, forwards the request as received to the user's own handler. Nothing a sender
// does stops it: every failure is an answer and a line.

const DEFAULT_PORT = 4020;
const MAX_BODY_BYTES = 1 << 20;
const FORWARD_TIMEOUT_MS = 10_000;
/** Headers that belong to one connection, not to the request: never forwarded. */
const HOP_BY_HOP = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "expect",
  "upgrade",
]);

interface Forwarded {
  url: string;
  status?: number;
  error?: string;
  ms: number;
  body?: Uint8Array;
  contentType?: string | null;
}

/** The body, or undefined when it is longer than the limit (read no further). */
function readBody(request: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_BODY_BYTES) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on("error", reject);
  });
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    try {
      headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
    } catch {
      // A header value fetch refuses: not forwarded, not read.
    }
  }
  return headers;
}

/** Sends the request on as received: its method, its body bytes and its headers (the Sign among them). */
async function forward(url: string, method: string, headers: Headers, body: Uint8Array): Promise<Forwarded> {
  const started = performance.now();
  const sent = new Headers();
  for (const [name, value] of headers) if (!HOP_BY_HOP.has(name)) sent.append(name, value);
  try {
    const response = await fetch(url, {
      method,
      headers: sent,
      body: method === "GET" || method === "HEAD" ? undefined : (body as Uint8Array<ArrayBuffer>),
      redirect: "manual",
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    const answer = new Uint8Array(await response.arrayBuffer());
    return {
      url,
      status: response.status,
      ms: Math.round(performance.now() - started),
      body: answer,
      contentType: response.headers.get("content-type"),
    };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    return { url, error: cause, ms: Math.round(performance.now() - started) };
  }
}

const time = (date: Date) =>
  `${date.toTimeString().slice(0, 8)}.${String(date.getMilliseconds()).padStart(3, "0")}`;

/** One line per request: readable, or one JSON object (`--output json`). */
function lineOf(
  io: Io,
  json: boolean,
  at: Date,
  request: { method: string; path: string },
  received: Received,
  status: number,
  forwarded?: Forwarded,
): string {
  if (json)
    return JSON.stringify({
      time: at.toISOString(),
      method: request.method,
      path: request.path,
      status,
      verified: received.verified ?? null,
      ...(received.type ? { type: received.type, event: received.event } : {}),
      ...(received.problem ? { problem: received.problem } : {}),
      ...(forwarded
        ? {
            forward: {
              url: forwarded.url,
              status: forwarded.status ?? null,
              ms: forwarded.ms,
              ...(forwarded.error ? { error: forwarded.error } : {}),
            },
          }
        : {}),
    });
  const style = colours({ isTTY: io.stdoutIsTTY }, io.env);
  const mark =
    received.verified === false
      ? style.red("✗ Sign does not match:")
      : received.status !== 200
        ? style.red("✗")
        : received.verified
          ? style.green("✓")
          : "•";
  const problem = received.problem && received.verified !== false ? ` (${received.problem})` : "";
  const sent = forwarded
    ? `, forwarded to ${forwarded.url}: ${forwarded.status ?? `failed (${forwarded.error})`} in ${forwarded.ms} ms`
    : "";
  return `${time(at)} ${mark} ${received.summary}${problem} → ${status}${sent}`;
}

async function handle(
  io: Io,
  receiver: Receiver,
  options: { json: boolean; forwardTo?: string },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const at = new Date();
  const target = { method: request.method ?? "GET", path: request.url ?? "/" };
  const reply = (status: number, body: Uint8Array | string, type: string | null = "application/json") => {
    response.writeHead(status, type ? { "content-type": type } : {});
    response.end(body);
  };
  const own = (status: number, message?: string) =>
    JSON.stringify(status === 200 ? { code: 0 } : { code: status, message });
  let received: Received;
  let forwarded: Forwarded | undefined;
  let status: number;
  try {
    if (target.method !== "POST") {
      received = {
        status: 400,
        verified: undefined,
        summary: `${target.method} ${target.path}`,
        problem: "events are POSTed",
      };
      reply(405, own(405, "events are POSTed"));
      io.out(lineOf(io, options.json, at, target, received, 405));
      return;
    }
    const body = await readBody(request);
    if (!body) {
      received = {
        status: 400,
        verified: undefined,
        summary: "body too long",
        problem: `more than ${MAX_BODY_BYTES} bytes`,
      };
      reply(413, own(413, received.problem));
      io.out(lineOf(io, options.json, at, target, received, 413));
      return;
    }
    const headers = headersOf(request);
    received = await receiver.take(body, headers);
    if (options.forwardTo) forwarded = await forward(options.forwardTo, target.method, headers, body);
    // A wrong Sign is refused whatever the handler says; otherwise the handler's answer is the sender's.
    if (forwarded && received.status !== 401) {
      status = forwarded.status ?? 502;
      if (forwarded.status !== undefined) reply(status, forwarded.body ?? "", forwarded.contentType ?? null);
      else reply(502, own(502, "the handler could not be reached"));
    } else {
      status = received.status;
      reply(status, own(status, received.problem));
    }
  } catch (error) {
    received = {
      status: 400,
      verified: undefined,
      summary: "not taken",
      problem: `internal error: ${(error as Error).message}`,
    };
    status = 500;
    if (!response.headersSent) reply(500, own(500, "the request could not be taken"));
  }
  io.out(lineOf(io, options.json, at, target, received, status, forwarded));
}

const schemaOf = (flags: CommandContext["command"]["flags"]): JsonSchema => ({
  type: "object",
  properties: Object.fromEntries(flags.map((f) => [f.name, f.schema])),
  additionalProperties: false,
});

/** The runner of a `listen` command whose requests `load`'s receiver checks. */
export function listenCommand(load: () => Promise<ReceiverFactory>): CommandRunner {
  return async ({ io, globals, service, command, words, rest }) => {
    if (globals.help) {
      io.out(commandHelp(command, service, helpWidth(io)));
      return 0;
    }
    const [word, ...others] = words;
    if (word !== "listen")
      throw new UsageError(
        word ? `unknown command '${command.name} ${word}'` : `${command.name}: which command?`,
        `Usage: voicetask ${service?.name} ${command.name} listen [options]`,
      );
    noExtra(others);
    const input = parseOperationFlags(command.flags, rest);
    const problems = await validateInput(schemaOf(command.flags), input);
    if (problems.length)
      throw new UsageError(
        problems.join("\n"),
        `See \`voicetask ${service?.name} ${command.name} listen --help\`.`,
      );
    if (globals.output && globals.output !== "json")
      throw new UsageError("--output: listen prints lines, or json (one object per line)");
    const receiver = (await load())({ env: io.env, input });
    const options = { json: globals.output === "json", forwardTo: input.ForwardTo as string | undefined };
    const server = createServer((request, response) => {
      handle(io, receiver, options, request, response).catch(() => response.destroy());
    });
    const host = (input.Host as string | undefined) ?? "127.0.0.1";
    const port = (input.Port as number | undefined) ?? DEFAULT_PORT;
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          new UsageError(
            `cannot listen on ${host}:${port} (${error.code ?? error.message})`,
            "Choose another --port (0 picks a free one).",
          ),
        ),
      );
      server.listen(port, host, resolve);
    });
    const address = server.address() as AddressInfo;
    const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
    io.err(`Listening for ${receiver.what} on http://${shown}:${address.port}/ (${receiver.note}).`);
    if (options.forwardTo) io.err(`Forwarding each request to ${options.forwardTo}.`);
    io.err("Ctrl-C to stop.");
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  };
}
