// House rules for the voicetask specs: every operation says how fast it may be called, whether a retry is safe,
// which errors it returns, and shows an example; every property is described; TRTC pseudo-paths name their action.
// Webhooks (the events a service pushes) are operations the service calls: they show examples and describe their
// properties like any operation, name the variant of each event (`x-discriminator`), and have no rate limit, retry
// rule, error codes or action of their own.

const RETRY_WORDS = new Set(["always", "never"]);

function report(ctx, message, key) {
  ctx.report({ message, location: key ? ctx.location.child(key) : ctx.location });
}

function requestBodyProperties(operation, resolve) {
  const content = operation.requestBody && resolve(operation.requestBody).node?.content;
  const schemaRef = content?.["application/json"]?.schema;
  if (!schemaRef) return new Set();
  const schema = resolve(schemaRef).node;
  return new Set(Object.keys(schema?.properties ?? {}));
}

/** True for an operation or path item under `webhooks` (the service calls it; it is not an API call). */
function isWebhook(ctx) {
  return ctx.location.pointer.startsWith("#/webhooks/");
}

function hasExample(mediaTypes) {
  return Object.values(mediaTypes ?? {}).some(
    (media) => media.example !== undefined || Object.keys(media.examples ?? {}).length > 0,
  );
}

/** x-rate-limit is a positive integer (requests per second). */
function OperationRateLimit() {
  return {
    Operation(operation, ctx) {
      if (isWebhook(ctx)) return;
      const limit = operation["x-rate-limit"];
      if (!Number.isInteger(limit) || limit <= 0) {
        report(ctx, "operation must declare x-rate-limit: a positive integer (requests per second)");
      }
    },
  };
}

/** x-retry is always, never, or the name of a top-level request-body field. */
function OperationRetry() {
  return {
    Operation(operation, ctx) {
      if (isWebhook(ctx)) return;
      const retry = operation["x-retry"];
      if (typeof retry !== "string") {
        report(ctx, "operation must declare x-retry: always, never, or the idempotency field of its body");
        return;
      }
      if (RETRY_WORDS.has(retry)) return;
      if (!requestBodyProperties(operation, ctx.resolve).has(retry)) {
        report(ctx, `x-retry names "${retry}", which is not a property of the request body`, "x-retry");
      }
    },
  };
}

/** x-error-codes lists the operation's own error codes, each with a description (and, for REST APIs, a status). */
function OperationErrorCodes(options) {
  return {
    Operation(operation, ctx) {
      if (isWebhook(ctx)) return;
      const codes = operation["x-error-codes"];
      if (!Array.isArray(codes) || codes.length === 0) {
        report(ctx, "operation must list its error codes in x-error-codes");
        return;
      }
      codes.forEach((entry, index) => {
        if (typeof entry?.code !== "string" || typeof entry?.description !== "string") {
          report(ctx, `x-error-codes[${index}] needs a code and a description`, "x-error-codes");
        }
        if (options?.requireStatus) {
          if (!Number.isInteger(entry?.status)) {
            report(ctx, `x-error-codes[${index}] (${entry?.code}) needs an HTTP status`, "x-error-codes");
          } else if (!operation.responses?.[String(entry.status)]) {
            report(
              ctx,
              `x-error-codes lists ${entry.code} with status ${entry.status}, but no such response`,
              "x-error-codes",
            );
          }
        }
      });
    },
  };
}

/**
 * A request example (when there is a body) and at least one response example. A webhook needs its request
 * examples (the events); its answer is the receiver's, so a response example is optional there.
 */
function OperationExamples() {
  return {
    Operation(operation, ctx) {
      if (operation.requestBody) {
        const body = ctx.resolve(operation.requestBody).node;
        if (!hasExample(body?.content)) report(ctx, "request body needs an example", "requestBody");
      }
      if (isWebhook(ctx)) return;
      const responses = Object.values(operation.responses ?? {}).map(
        (response) => ctx.resolve(response).node,
      );
      if (!responses.some((response) => hasExample(response?.content))) {
        report(ctx, "operation needs at least one response example", "responses");
      }
    },
  };
}

/** Every property of every schema carries a description (directly, or through the schema it references). */
function PropertiesDescribed() {
  return {
    Schema(schema, ctx) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const described = property.description ?? ctx.resolve(property).node?.description;
        if (!described) {
          ctx.report({
            message: `property "${name}" needs a description`,
            location: ctx.location.child(["properties", name]),
          });
        }
      }
    },
  };
}

/** A TRTC pseudo-path `/Action` carries `x-tc-action: Action`, and its operationId is the action. */
function TcAction() {
  return {
    PathItem(pathItem, ctx) {
      if (isWebhook(ctx)) return;
      const action = pathItem["x-tc-action"];
      const path = ctx.key;
      if (typeof action !== "string") {
        report(ctx, "TRTC pseudo-path must declare x-tc-action");
        return;
      }
      if (path !== `/${action}`) report(ctx, `pseudo-path ${path} must be /${action}`, "x-tc-action");
      for (const method of ["get", "put", "patch", "delete"]) {
        if (pathItem[method]) report(ctx, "Tencent API 3.0 actions are POST only", method);
      }
      if (pathItem.post && pathItem.post.operationId !== action) {
        report(ctx, `operationId must equal the action ${action}`, "post");
      }
    },
  };
}

/**
 * x-waiters (on the polled operation): each waiter names the result member that holds the status, the values that
 * end the wait, a positive delay and attempt count, and the operations it follows with where each input member of
 * this operation comes from (`input.<path>` of that operation, or `output.<path>` of its result).
 */
function OperationWaiters() {
  const operationIds = new Set();
  const pending = [];
  return {
    Operation: {
      enter(operation, ctx) {
        if (operation.operationId) operationIds.add(operation.operationId);
        const waiters = operation["x-waiters"];
        if (waiters === undefined) return;
        if (typeof waiters !== "object" || Array.isArray(waiters) || waiters === null) {
          report(ctx, "x-waiters must map waiter names to waiters", "x-waiters");
          return;
        }
        const inputs = new Set([
          ...requestBodyProperties(operation, ctx.resolve),
          ...[...(operation.parameters ?? [])].map(
            (p) => ctx.resolve(p).node?.["x-member-name"] ?? ctx.resolve(p).node?.name,
          ),
          ...[...(ctx.parent?.parameters ?? [])].map(
            (p) => ctx.resolve(p).node?.["x-member-name"] ?? ctx.resolve(p).node?.name,
          ),
        ]);
        for (const [name, waiter] of Object.entries(waiters)) {
          const at = (message) => report(ctx, `waiter ${name}: ${message}`, "x-waiters");
          if (!/^[A-Z][A-Za-z0-9]*$/.test(name))
            at("the name must be PascalCase (it becomes waitUntil<Name>)");
          if (typeof waiter?.status !== "string" || waiter.status === "")
            at("status must name the result member to read");
          if (!Array.isArray(waiter?.success) || waiter.success.length === 0)
            at("success must list the values that end the wait");
          for (const key of ["delay", "maxAttempts"])
            if (waiter?.[key] !== undefined && !(typeof waiter[key] === "number" && waiter[key] > 0))
              at(`${key} must be a positive number`);
          for (const [trigger, mapping] of Object.entries(waiter?.after ?? {})) {
            pending.push({ trigger, ctx, name });
            for (const [member, source] of Object.entries(mapping ?? {})) {
              if (!inputs.has(member))
                at(`after.${trigger}.${member} is not an input member of ${operation.operationId}`);
              if (typeof source !== "string" || !/^(input|output)\.[A-Za-z0-9_.]+$/.test(source))
                at(`after.${trigger}.${member} must be input.<path> or output.<path>`);
            }
          }
        }
      },
    },
    Root: {
      leave() {
        for (const { trigger, ctx, name } of pending)
          if (!operationIds.has(trigger))
            report(ctx, `waiter ${name} follows ${trigger}, which is not an operation`, "x-waiters");
      },
    },
  };
}

/** The `const` a schema sets at a dotted property path (through `$ref`s and `allOf`), or undefined. */
function constAt(schema, path, resolve) {
  const node = resolve(schema).node;
  if (!node || typeof node !== "object") return undefined;
  const [head, ...rest] = path;
  if (head === undefined) return node.const;
  const own = node.properties?.[head];
  const found = own === undefined ? undefined : constAt(own, rest, resolve);
  if (found !== undefined) return found;
  for (const member of node.allOf ?? []) {
    const value = constAt(member, path, resolve);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * A webhook's JSON body is `anyOf` its variants, named by `x-discriminator` (dotted property paths): each variant
 * but one sets a `const` at one or more of those paths, and no two set the same values; the one variant that sets
 * none is the catch-all for events the spec does not know (kept, never dropped). Every other variant has a request
 * example whose values at those paths are its own.
 */
function WebhookEvents() {
  return {
    Operation(operation, ctx) {
      if (!isWebhook(ctx)) return;
      const media = ctx.resolve(operation.requestBody ?? {}).node?.content?.["application/json"];
      const payload = media?.schema && ctx.resolve(media.schema).node;
      if (!payload) {
        report(ctx, "a webhook needs a JSON request body (the event)", "requestBody");
        return;
      }
      const paths = payload["x-discriminator"];
      if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === "string")) {
        report(
          ctx,
          "the event schema needs x-discriminator: the dotted paths whose const values name a variant",
        );
        return;
      }
      if (!Array.isArray(payload.anyOf)) {
        report(ctx, "the event schema must be anyOf its variants (the catch-all overlaps the others)");
        return;
      }
      const examples = Object.values(media.examples ?? {}).map((example) => ctx.resolve(example).node?.value);
      const seen = new Map();
      let catchAlls = 0;
      for (const branch of payload.anyOf) {
        const name = branch.$ref?.split("/").pop() ?? "an inline variant";
        const values = paths
          .map((path) => [path, constAt(branch, path.split("."), ctx.resolve)])
          .filter(([, value]) => value !== undefined);
        if (values.length === 0) {
          catchAlls++;
          continue;
        }
        const key = JSON.stringify(values);
        if (seen.has(key))
          report(ctx, `variants ${seen.get(key)} and ${name} set the same x-discriminator values`);
        seen.set(key, name);
        const valueAt = (example, path) => path.split(".").reduce((node, part) => node?.[part], example);
        if (!examples.some((example) => values.every(([path, value]) => valueAt(example, path) === value)))
          report(ctx, `variant ${name} needs a request example (${key})`, "requestBody");
      }
      if (catchAlls !== 1)
        report(
          ctx,
          `the event schema needs exactly one catch-all variant (no const at x-discriminator), has ${catchAlls}`,
        );
    },
  };
}

export default function voicetaskPlugin() {
  return {
    id: "voicetask",
    rules: {
      oas3: {
        "operation-rate-limit": OperationRateLimit,
        "operation-retry": OperationRetry,
        "operation-error-codes": OperationErrorCodes,
        "operation-examples": OperationExamples,
        "properties-described": PropertiesDescribed,
        "tc-action": TcAction,
        "operation-waiters": OperationWaiters,
        "webhook-events": WebhookEvents,
      },
    },
  };
}
