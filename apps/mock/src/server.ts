import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { model as chimeModel } from "@voicetask/chime-sdk-voice/spec";
import { type ApiModel, createMemoryRateLimitStore } from "@voicetask/core";
import { model as trtcModel } from "@voicetask/trtc/spec";
import { awsRestJsonAdapter } from "./chime/adapter.js";
import { ChimeService } from "./chime/service.js";
import { type Clock, createMockClock } from "./clock.js";
import type { MockContext, ProviderAnswer } from "./context.js";
import { ControlActions } from "./control/actions.js";
import { ControlGuard } from "./control/guard.js";
import { handleControl } from "./control/handler.js";
import { compileControl } from "./control/validation.js";
import {
  type CredentialsConfig,
  createCredentialStore,
  DEMO_CREDENTIALS,
  loadCredentialsFile,
  parseCredentials,
} from "./credentials.js";
import { createMockEvents } from "./events/mock-events.js";
import type { CallbackTarget } from "./events/targets.js";
import { FaultTable } from "./faults.js";
import { type CorsOrigins, corsStep, parseCorsOrigins } from "./http/cors.js";
import { DOCS_PREFIX, docsRoot, docsRoute } from "./http/docs-site.js";
import { send } from "./http/respond.js";
import { Journal } from "./journal.js";
import { type MockLimits, resolveLimits } from "./limits.js";
import { createLogger, type LogLevel, type LogSink } from "./logger.js";
import { createPipeline } from "./pipeline/pipeline.js";
import { mockRedactor } from "./secrets.js";
import { tencentAdapter } from "./trtc/adapter.js";
import { TrtcService } from "./trtc/service.js";

export interface MockServerOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted keys: a parsed credentials document or the path of a JSON file. Default: the demo pairs. */
  credentials?: CredentialsConfig | string;
  /** `verify` (default) checks TC3 / SigV4 signatures; `off` accepts any request. */
  auth?: "verify" | "off";
  /** Enforce the specs' `x-rate-limit` per operation and credential. Default true. */
  rateLimit?: boolean;
  /** Added to every provider answer, in ms. */
  latencyMs?: number;
  /** Default `warn` (the CLI defaults to `info`). */
  logLevel?: LogLevel;
  /** Receives structured log entries instead of stderr. */
  logger?: LogSink;
  /** Base clock (defaults to real time); the control API adds its offset on top. */
  clock?: Clock;
  /** Testing hook: sees every provider answer (status, headers, body) before it is journaled. */
  observe?: (answer: ProviderAnswer) => void;
  /**
   * Serve other models of the provider APIs (defaults: the ones shipped in `@voicetask/trtc/spec` and
   * `@voicetask/chime-sdk-voice/spec`). Operations without stateful behaviour answer their spec example.
   */
  models?: { trtc?: ApiModel; chime?: ApiModel };
  /**
   * Page origins allowed to call the provider routes from a browser (`*` for any): preflights are answered and
   * CORS headers added for them. Never for the `/_mock/` control API. Default: none (no CORS headers).
   */
  cors?: CorsOrigins | string;
  /**
   * Bounds on state, connections, timeouts, bodies and the journal (see `MockLimits`; unset ones keep their
   * defaults, e.g. `maxConnections` 512, `headersTimeoutSeconds` 10, `trtcTasksPerApp` 100).
   */
  limits?: Partial<MockLimits>;
  /**
   * Host names the control API (`/_mock/`) answers besides the loopback names and `host`; `*` for any.
   * Guards against DNS rebinding: a web page can only reach the mock under a name of its own.
   */
  controlHosts?: readonly string[];
  /** When set, every control request must carry `Authorization: Bearer <controlToken>`. */
  controlToken?: string;
  /**
   * SdkAppId → where the mock posts that application's AI conversation callbacks and the key it signs them with
   * (added to the credentials file's `callbacks`; the control API changes them too).
   */
  callbacks?: Record<string, CallbackTarget>;
  /** AWS access key id → where the mock posts that account's speaker-search events (EventBridge-shaped). */
  eventTargets?: Record<string, string>;
  /**
   * A built docs site (`apps/docs/dist`) to serve under `/docs/` (GET and HEAD), so its "Try it" forms reach
   * the mock from the same origin, without CORS.
   */
  docs?: string;
}

export interface MockServer {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  port: number;
  host: string;
  /** The keys the mock accepts (secrets included: they are the caller's own test keys). */
  credentials: CredentialsConfig;
  /** The token the control API requires, if it has one. */
  controlToken?: string;
  /** Where the docs site is served (`docs` option), e.g. `http://127.0.0.1:4010/docs/`. */
  docsUrl?: string;
  control: ControlActions;
  close(): Promise<void>;
}

/**
 * Room for a 32 KB GET query plus its headers, so a query over Tencent's limit still gets the TRTC route's
 * RequestSizeLimitExceeded; a request head beyond this one is refused by node's parser (400).
 */
const MAX_REQUEST_HEAD_BYTES = 64 * 1024;

/**
 * `GET /` with no query and nothing of a Tencent request (no action, no signature) asks what this is: the mock
 * describes itself. Every other request to `/` is a Tencent API request (a GET carries its parameters in the
 * query) and gets Tencent's envelope.
 */
const isSelfDescriptionRequest = (req: IncomingMessage, rawQuery: string): boolean =>
  req.method === "GET" &&
  rawQuery === "" &&
  req.headers["x-tc-action"] === undefined &&
  req.headers.authorization === undefined;

function describeMock(ctx: MockContext, url: string, docs: boolean) {
  return {
    name: "voicetask-mock",
    description:
      "A stateful local TRTC + Chime SDK Voice service that verifies signatures and enforces rate limits.",
    url,
    auth: ctx.auth,
    rateLimit: ctx.rateLimit,
    providers: {
      trtc: {
        protocol:
          "Tencent Cloud API 3.0 at /: TC3-HMAC-SHA256 (POST JSON or GET), signature v1 HmacSHA1/HmacSHA256 (GET or form POST)",
        endpoint: `${url}/`,
        sdkEndpoint: `trtc.intl.tencentcloudapi.com:${new URL(url).port} (protocol http://, resolve to the mock)`,
        actions: ctx.operations.trtc,
        accessKeys: (ctx.credentials.config.tencent ?? []).map((c) => c.secretId),
      },
      chime: {
        protocol: "AWS restJson1, SigV4 (signing name chime)",
        endpoint: url,
        operations: ctx.operations.chime,
        accessKeys: (ctx.credentials.config.aws ?? []).map((c) => c.accessKeyId),
      },
    },
    control: `${url}/_mock/`,
    ...(docs ? { docs: `${url}${DOCS_PREFIX}` } : {}),
  };
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const credentialsConfig =
    typeof options.credentials === "string"
      ? await loadCredentialsFile(options.credentials)
      : options.credentials
        ? parseCredentials(options.credentials)
        : structuredClone(DEMO_CREDENTIALS as CredentialsConfig);
  const credentials = createCredentialStore(credentialsConfig);
  const clock = createMockClock(options.clock);
  const limits = resolveLimits(options.limits);
  if (options.controlToken !== undefined && options.controlToken.length < 8)
    throw new RangeError("controlToken must be at least 8 characters");
  const redactor = mockRedactor(credentialsConfig, options.controlToken);
  const logger = createLogger(options.logLevel ?? "warn", options.logger, () => clock.now(), redactor);
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new RangeError("latencyMs must be a non-negative number");

  const makeLimiter = () => createMemoryRateLimitStore({ clock });
  const models = { trtc: options.models?.trtc ?? trtcModel, chime: options.models?.chime ?? chimeModel };
  const trtcAdapter = tencentAdapter(models.trtc);
  const chimeAdapter = awsRestJsonAdapter(models.chime);
  const auth = options.auth ?? "verify";
  // Verified accounts are the configured keys; unverified ones (auth off) are whatever key ids clients send.
  const accounts = auth === "off" ? limits.unverifiedAccounts : Number.POSITIVE_INFINITY;
  const journal = new Journal({ entries: limits.journalEntries, bytes: limits.journalBytes }, redactor);
  const trtc = new TrtcService(credentials, {
    tasksPerApp: limits.trtcTasksPerApp,
    tasksPerAccount: limits.tasksPerAccount,
    accounts,
  });
  const chime = new ChimeService({
    activePerRegion: limits.chimeActiveTasksPerRegion,
    tasksPerAccount: limits.tasksPerAccount,
    accounts,
  });
  const events = createMockEvents({
    ...{ clock, journal, logger, redactor, limits, credentials: credentialsConfig },
    ...{ callbacks: options.callbacks, eventTargets: options.eventTargets },
    ...{ trtcTasks: trtc.tasks, chimeTasks: chime.tasks },
  });
  const ctx: MockContext = {
    clock,
    logger,
    credentials,
    auth,
    rateLimit: options.rateLimit ?? true,
    latencyMs,
    limits,
    redactor,
    limiter: makeLimiter(),
    resetLimiter() {
      ctx.limiter = makeLimiter();
    },
    journal,
    faults: new FaultTable(),
    trtc,
    chime,
    events,
    operations: { trtc: [...trtcAdapter.operations.keys()], chime: [...chimeAdapter.operations.keys()] },
    observe: options.observe,
  };
  const control = compileControl();
  const actions = new ControlActions(ctx);
  const regions = (model: ApiModel) => (model.regions.length > 0 ? new Set(model.regions) : undefined);
  const handleTrtc = createPipeline(ctx, trtcAdapter, ctx.trtc.behaviours, { regions: regions(models.trtc) });
  const handleChime = createPipeline(ctx, chimeAdapter, ctx.chime.behaviours, {
    regions: regions(models.chime),
  });
  const host = options.host ?? "127.0.0.1";
  const guard = new ControlGuard({ host, hosts: options.controlHosts, token: options.controlToken });
  const cors = options.cors === undefined ? undefined : corsStep(parseCorsOrigins(options.cors));
  const docs = options.docs === undefined ? undefined : docsRoute(docsRoot(options.docs));
  let url = "";

  // Not async: each handler's own promise is returned as is (an async wrapper would add promise hops).
  const handle = (req: IncomingMessage, res: ServerResponse): Promise<void> | undefined => {
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const rawPath = q < 0 ? target : target.slice(0, q);
    const rawQuery = q < 0 ? "" : target.slice(q + 1);
    if (rawPath === "/_mock" || rawPath.startsWith("/_mock/")) {
      return handleControl(ctx, control, actions, guard, req, res, rawPath, rawQuery);
    }
    if (docs?.(req, res, rawPath)) return undefined;
    if (cors?.(req, res)) return undefined;
    if (rawPath === "/") {
      if (isSelfDescriptionRequest(req, rawQuery)) {
        req.resume();
        send(res, 200, {}, describeMock(ctx, url, docs !== undefined), clock.now());
        return undefined;
      }
      return handleTrtc(req, res, rawPath, rawQuery);
    }
    return handleChime(req, res, rawPath, rawQuery);
  };

  const unhandled = (res: ServerResponse, e: unknown) => {
    // Handlers answer their own errors; this is the last line of defence, and it must not throw itself (a
    // rejection nobody handles would end the process): when even the 500 cannot be written, the connection goes.
    logger.error("unhandled error", { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    try {
      if (!res.headersSent) send(res, 500, {}, { message: "Internal error" }, clock.now());
      else res.destroy();
    } catch {
      res.destroy();
    }
  };
  const ms = (seconds: number) => (Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0); // 0: none
  const server: Server = createServer(
    {
      // Tencent accepts GET requests of up to 32 KB (their parameters are in the query): node's default 16 KB
      // limit on the request head would refuse some before the TRTC route could answer.
      maxHeaderSize: MAX_REQUEST_HEAD_BYTES,
      headersTimeout: ms(limits.headersTimeoutSeconds),
      requestTimeout: ms(limits.requestTimeoutSeconds),
      // How often node:http looks for connections past those timeouts (its default, 30 s, would let a
      // slow-header connection live that much longer than configured).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, ms(limits.headersTimeoutSeconds) / 4)),
    },
    (req, res) => {
      try {
        handle(req, res)?.catch((e: unknown) => unhandled(res, e));
      } catch (e) {
        unhandled(res, e);
      }
    },
  );
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const timedOut = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
    socket.end(
      `HTTP/1.1 ${timedOut ? "408 Request Timeout" : "400 Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  });
  server.maxConnections = limits.maxConnections;
  // A connection with nothing in progress (never sent a request, or idle between requests) is closed after
  // the idle timeout; one whose answer is being prepared (latency, faults) is left alone.
  server.keepAliveTimeout = ms(limits.idleTimeoutSeconds);
  server.timeout = ms(limits.idleTimeoutSeconds);
  server.on("timeout", (socket: Socket & { _httpMessage?: unknown }) => {
    if (!socket._httpMessage) socket.destroy();
  });

  server.on("close", () => events.close()); // no timer of the mock outlives it
  await new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => {
      events.close();
      reject(e);
    };
    server.once("error", failed);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", failed);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  logger.info("listening", { url, auth: ctx.auth, rateLimit: ctx.rateLimit });

  return {
    url,
    port,
    host,
    credentials: credentialsConfig,
    ...(options.controlToken !== undefined ? { controlToken: options.controlToken } : {}),
    ...(docs ? { docsUrl: `${url}${DOCS_PREFIX}` } : {}),
    control: actions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
