import type { ApiModel, SchemaModel, WebhookModel, WebhookVariantModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import type { Sample } from "./sample.js";

// Handler samples for the events an API pushes: per protocol, because each is received its own way (TRTC posts
// signed callbacks to a URL; Chime publishes to EventBridge, which invokes Lambda or fills an SQS queue). What
// each sample does with an event comes from the model: the variant's name and schema, the webhook's discriminator.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The properties a schema declares at a dotted path (`EventInfo`, `detail`). */
function propertiesAt(schema: SchemaModel, path: string): Record<string, unknown> {
  let node: unknown = schema;
  for (const key of path.split("."))
    node = isRecord(node) && isRecord(node.properties) ? node.properties[key] : {};
  return isRecord(node) && isRecord(node.properties) ? node.properties : {};
}

/** A TypeScript accessor of a dotted path: `detail.detailStatus` → `.detail.detailStatus`, `detail-type` → `["detail-type"]`. */
function accessor(path: string): string {
  return path
    .split(".")
    .map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
    .join("");
}

const indentBy = (code: string, spaces: string) =>
  code
    .split("\n")
    .map((line) => (line ? spaces + line : line))
    .join("\n");

/** What a variant's sample does with the event (`event` is the parsed event): log what the variant carries. */
type Handling = (variant: WebhookVariantModel | undefined, webhook: WebhookModel) => string;

/** The catch-all's handling: log the values that did not name a variant. */
const unknownHandling = (variant: WebhookVariantModel, webhook: WebhookModel) =>
  `if (event.type === ${JSON.stringify(variant.name)}) {
  // Not described by this version of the spec: kept as it arrived, never dropped.
  console.log("unknown event", ${webhook.discriminator.map((p) => `event.event${accessor(p)}`).join(", ")});
}`;

// ---- TRTC: signed callbacks posted to the application's callback URL ----

const trtcHandling: Handling = (variant, webhook) => {
  if (!variant)
    return "// event.type names the variant; event.event is the body, typed for it.\nconsole.log(event.type, event.event.EventInfo.TaskId);";
  if (variant.catchAll) return unknownHandling(variant, webhook);
  const payload = "Payload" in propertiesAt(variant.schema, "EventInfo");
  return `if (event.type === ${JSON.stringify(variant.name)}) {
  const { TaskId${payload ? ", Payload" : ""} } = event.event.EventInfo;
  console.log(\`task \${TaskId}: ${variant.name}\`${payload ? ", Payload" : ""});
}`;
};

function trtcSamples(api: DocsApi, webhook: WebhookModel, variant?: WebhookVariantModel): Sample[] {
  const entry = `${api.model.client?.packageName}/callbacks`;
  const onEvent = indentBy(trtcHandling(variant, webhook), "    ");
  const node = `import { createServer } from "node:http";
import { createCallbackHandler, createMemoryDedupeStore } from "${entry}";

const key = process.env.TRTC_CALLBACK_KEY;
if (!key) throw new Error("Set TRTC_CALLBACK_KEY to the application's callback key (TRTC console).");

// Verifies Sign over the raw body, reads the event against the spec, takes each event once (TaskId +
// EventType + EventMsTs) and answers 200; a wrong Sign is answered 401, a body that is not a callback 400.
// Tencent waits 5 s for the answer: hand long work to a queue. Several processes share one dedupe store:
// createRedisDedupeStore from @voicetask/rate-limit-redis.
const handle = createCallbackHandler({
  key,
  dedupe: createMemoryDedupeStore(),
  onEvent(event) {
${onEvent}
  },
});

// Node's http server gives a stream: read the body and hand the handler a fetch Request.
createServer(async (req, res) => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  const response = await handle(
    new Request(\`http://\${req.headers.host ?? "localhost"}\${req.url ?? "/"}\`, {
      method: req.method ?? "GET",
      headers,
      body: req.method === "POST" ? Buffer.concat(chunks) : null,
    }),
  );
  res.writeHead(response.status, { "content-type": "application/json" });
  res.end(await response.text());
}).listen(Number(process.env.PORT ?? 8080));`;
  const fetchHandler = `import { createCallbackHandler } from "${entry}";

/** The callback handler for one key: give it the Request, answer with its Response. */
export function callbackHandler(key: string): (request: Request) => Promise<Response> {
  // Verifies Sign, reads the event against the spec, takes each event once (TaskId + EventType +
  // EventMsTs, remembered in this isolate; pass \`dedupe\` a shared store for many) and answers 200.
  return createCallbackHandler({
    key,
    onEvent(event) {
${indentBy(onEvent, "  ")}
    },
  });
}

// Cloudflare Workers: the key is a secret binding (wrangler secret put TRTC_CALLBACK_KEY).
let handle: ((request: Request) => Promise<Response>) | undefined;
export default {
  fetch(request: Request, env: { TRTC_CALLBACK_KEY: string }): Promise<Response> {
    handle ??= callbackHandler(env.TRTC_CALLBACK_KEY);
    return handle(request);
  },
};

// Deno: Deno.serve(callbackHandler(Deno.env.get("TRTC_CALLBACK_KEY")!));
// Bun:  Bun.serve({ fetch: callbackHandler(Bun.env.TRTC_CALLBACK_KEY!) });`;
  return [
    { label: "Node (http)", language: "ts", code: node },
    { label: "Workers, Deno, Bun (fetch)", language: "ts", code: fetchHandler },
  ];
}

// ---- Chime: EventBridge events, delivered to Lambda directly or through an SQS queue ----

/** Whether a variant's `detail` names a speaker search task on a Voice Connector (so the task can be re-read). */
const namesTask = (variant: WebhookVariantModel) => {
  const detail = propertiesAt(variant.schema, "detail");
  return "taskId" in detail && "voiceConnectorId" in detail;
};

/**
 * What a Chime sample does with an event: for the overview `overview`, for the catch-all the unknown handling, for
 * a variant that names its task `forTask`, for any other variant a log of its time and detail.
 */
function chimeHandling(
  variant: WebhookVariantModel | undefined,
  webhook: WebhookModel,
  { overview, forTask }: { overview: string; forTask: string },
): string {
  if (!variant) return overview;
  if (variant.catchAll) return unknownHandling(variant, webhook);
  const body = namesTask(variant) ? forTask : "console.log(event.event.time, event.event.detail);";
  return `if (event.type === ${JSON.stringify(variant.name)}) {\n${indentBy(body, "  ")}\n}`;
}

const chimeLambdaHandling: Handling = (variant, webhook) =>
  chimeHandling(variant, webhook, {
    overview:
      "// event.type names the variant; event.event is the EventBridge event, typed for it.\nconsole.log(event.type, event.event.time, event.event.detail);",
    forTask: `const { taskId, voiceConnectorId } = event.event.detail;
// Events can arrive out of order: the task itself says where it is now.
if (voiceConnectorId) {
  const { SpeakerSearchTask } = await chime.getSpeakerSearchTask({
    VoiceConnectorId: voiceConnectorId,
    SpeakerSearchTaskId: taskId,
  });
  console.log(SpeakerSearchTask?.SpeakerSearchTaskStatus, event.event.detail);
}`,
  });

const chimeQueueHandling: Handling = (variant, webhook) =>
  chimeHandling(variant, webhook, {
    overview: "console.log(event.type, event.event.time, event.event.detail);",
    forTask: "console.log(event.event.detail);",
  });

function chimeSamples(api: DocsApi, webhook: WebhookModel, variant?: WebhookVariantModel): Sample[] {
  const client = api.model.client;
  if (!client) return [];
  const entry = `${client.packageName}/events`;
  const lambdaHandling = chimeLambdaHandling(variant, webhook);
  // Only a variant that names its task re-reads it, with a client.
  const rereads = variant !== undefined && !variant.catchAll && namesTask(variant);
  const chimeClient = `
// AWS_ENDPOINT_URL_CHIME_SDK_VOICE, as the AWS SDKs read it, points the client elsewhere (e.g. at voicetask-mock).
const chime = ${client.factory}({
  region: process.env.AWS_REGION ?? "us-east-1",
  endpoint: process.env.AWS_ENDPOINT_URL_CHIME_SDK_VOICE,
});`;
  const lambda = `${rereads ? `import { ${client.factory} } from "${client.packageName}";\n` : ""}import { parseEvent } from "${entry}";
import { createRedisDedupeStore } from "@voicetask/rate-limit-redis";
${rereads ? chimeClient : ""}
// EventBridge delivers at least once: one store for every concurrent invocation takes each event \`id\` once.
const seen = createRedisDedupeStore({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });

/** The Lambda function an EventBridge rule on \`source: aws.chime\` invokes with each event. */
export async function handler(delivery: unknown): Promise<void> {
  const event = parseEvent(delivery); // a malformed event throws an EventParseError naming the member
  if (!(await seen.claim(event.event.id))) return; // delivered before
  try {
${indentBy(lambdaHandling, "    ")}
  } catch (error) {
    await seen.release(event.event.id); // let EventBridge's retry through
    throw error;
  }
}`;
  const queue = `import { type ChimeEvent, parseEvent } from "${entry}";
import { createRedisDedupeStore } from "@voicetask/rate-limit-redis";

const seen = createRedisDedupeStore({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });

/** The newest event time taken per speaker search task (at most 10 000 tasks remembered). */
const newest = new Map<string, number>();
/** Whether an event is older than one already taken for its task; else it is now the newest. */
function isStale({ detail, time }: ChimeEvent["event"]): boolean {
  const task = "taskId" in detail ? detail.taskId : undefined;
  if (typeof task !== "string") return false; // not about a speaker search task
  const at = Date.parse(time);
  if ((newest.get(task) ?? Number.NEGATIVE_INFINITY) > at) return true;
  newest.delete(task);
  newest.set(task, at);
  if (newest.size > 10_000) newest.delete(newest.keys().next().value as string);
  return false;
}

interface SqsBatch {
  Records: { messageId: string; body: string }[];
}

/** The Lambda function an SQS queue (the EventBridge rule's target) invokes with a batch of messages. */
export async function handler(batch: SqsBatch): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const failures: { itemIdentifier: string }[] = [];
  const events: { messageId: string; event: ChimeEvent }[] = [];
  for (const record of batch.Records) {
    try {
      events.push({ messageId: record.messageId, event: parseEvent(record) });
    } catch {
      failures.push({ itemIdentifier: record.messageId }); // malformed: the queue's redrive policy sets it aside
    }
  }
  // A standard queue keeps no order: take the batch oldest first, by the event's time.
  events.sort((a, b) => Date.parse(a.event.event.time) - Date.parse(b.event.event.time));
  for (const { messageId, event } of events) {
    const { id } = event.event;
    try {
      if (!(await seen.claim(id))) continue; // delivered before
      // Taken oldest first: an event older than one already taken for its task is out of date (the task has
      // moved on; GetSpeakerSearchTask still answers its results).
      if (isStale(event.event)) continue;
${indentBy(chimeQueueHandling(variant, webhook), "      ")}
    } catch {
      await seen.release(id);
      failures.push({ itemIdentifier: messageId }); // SQS delivers this one again
    }
  }
  return { batchItemFailures: failures };
}`;
  return [
    { label: "Lambda (EventBridge rule)", language: "ts", code: lambda },
    { label: "Lambda (SQS queue)", language: "ts", code: queue },
  ];
}

const RECEIVERS: Partial<
  Record<
    ApiModel["protocol"],
    (api: DocsApi, webhook: WebhookModel, variant?: WebhookVariantModel) => Sample[]
  >
> = {
  tencent: trtcSamples,
  "aws-rest-json": chimeSamples,
};

/**
 * Handler samples for a webhook's events (a variant's page narrows them to that variant): real code, verified,
 * deduplicated, type-checked and run against the mock by the docs' tests. None for a protocol without a
 * receiving side.
 */
export function eventHandlerSamples(
  api: DocsApi,
  webhook: WebhookModel,
  variant?: WebhookVariantModel,
): Sample[] {
  return RECEIVERS[api.model.protocol]?.(api, webhook, variant) ?? [];
}
