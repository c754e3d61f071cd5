// The shape of the normalised model that `@voicetask/spec-tools` makes from each OpenAPI spec, once, and writes
// into the generated folders. Clients, the mock, the CLI and the docs all read it; nothing else walks the specs.
// Types only: importing them adds nothing to a bundle.

/** A JSON Schema (2020-12, OpenAPI 3.1 dialect) with every `$ref` resolved. */
export type SchemaModel = { readonly [keyword: string]: unknown };

/** A named example of a request, a response or a parameter. */
export interface ExampleModel {
  readonly name: string;
  readonly summary?: string;
  readonly description?: string;
  readonly value: unknown;
}

/** One error an operation (or every operation, `commonErrors`) can answer. */
export interface ErrorModel {
  /** Provider code (`FailedOperation.TaskNotExist`) or AWS error shape (`NotFoundException`). */
  readonly code: string;
  readonly description: string;
  /** HTTP status it arrives with (Tencent API errors: 200). */
  readonly status: number;
  /** How core's retry policy treats it (see `ErrorKind`). */
  readonly kind: "throttle" | "unavailable" | "transient" | "skew" | "client";
}

/** A request parameter outside the body: a path label, a query parameter or a header. */
export interface ParameterModel {
  /** The name on the wire (`X-TC-Region`, `voice-profile-domain-id`, `VoiceConnectorId`). */
  readonly name: string;
  /** The input member that carries it (`VoiceProfileDomainId`); equals `name` unless `x-member-name` says otherwise. */
  readonly member: string;
  readonly in: "path" | "query" | "header";
  readonly required: boolean;
  readonly description?: string;
  readonly schema: SchemaModel;
  readonly examples: readonly ExampleModel[];
}

/**
 * Tencent Cloud API 3.0: every action is `POST /` with the action in `X-TC-Action`; the spec's pseudo-path
 * (`/StopAIConversation`) exists for OpenAPI tools only.
 */
export interface TencentWire {
  readonly protocol: "tencent";
  readonly method: "POST";
  readonly path: "/";
  /** `X-TC-Action`. */
  readonly action: string;
  /** `X-TC-Version`: the spec's `info.version`. */
  readonly version: string;
  /** The common parameters sent as `X-TC-*` headers. */
  readonly headers: readonly ParameterModel[];
}

/** A REST operation (AWS restJson1, the mock's control API): method and URI template. */
export interface RestWire {
  readonly protocol: "rest";
  readonly method: string;
  /** The URI path template without its literal query, e.g. `/voice-connectors/{VoiceConnectorId}`. */
  readonly path: string;
  /** Literal query pairs that are part of the URI (`?operation=stop`). */
  readonly literalQuery: readonly (readonly [string, string])[];
  readonly labels: readonly ParameterModel[];
  readonly query: readonly ParameterModel[];
  readonly headers: readonly ParameterModel[];
}

export type WireModel = TencentWire | RestWire;

/** How to wait for a state by polling an operation (the spec's `x-waiters`). */
export interface WaiterModel {
  /** PascalCase name, e.g. `TaskRunning` (client helper `waitUntilTaskRunning`, CLI `wait task-running`). */
  readonly name: string;
  /** CLI name, e.g. `task-running`. */
  readonly cliName: string;
  readonly description: string;
  /** The operation polled. */
  readonly operation: string;
  /** Dotted path of the status in the polled operation's result (without Tencent's `Response` envelope). */
  readonly status: string;
  readonly success: readonly string[];
  readonly failure: readonly string[];
  /** Error codes meaning the resource is gone, which ends the wait successfully. */
  readonly goneIsSuccess: readonly string[];
  /** Seconds between polls. */
  readonly delaySeconds: number;
  readonly maxAttempts: number;
  /**
   * Operations after which the wait makes sense (`--wait`), with where each input member of the polled
   * operation comes from: `input.<path>` of that operation's input or `output.<path>` of its result.
   */
  readonly after: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * What a call resent after an unknown outcome does when the provider answers that the resource its idempotency
 * member names already exists (TRTC: `FailedOperation.TaskExist` for the call's own `SessionId`): the earlier
 * attempt created it, so the call finds it and answers it as its own result instead of failing.
 */
export interface RetryExistsModel {
  /** The provider's "already exists" error code. */
  readonly code: string;
  /** The operation that finds the resource. */
  readonly operation: string;
  /** Its input: member → `input.<path>` of the resent call's input. */
  readonly input: Readonly<Record<string, string>>;
  /** The call's result: member → `output.<path>` of the finding operation's result. */
  readonly output: Readonly<Record<string, string>>;
}

/** One input member of an operation as a user gives it (a flag in the CLI, a field in a form). */
export interface FieldModel {
  readonly name: string;
  /** CLI flag without dashes, e.g. `task-id`. */
  readonly flag: string;
  readonly in: "body" | "path" | "query" | "header";
  readonly required: boolean;
  readonly description?: string;
  readonly schema: SchemaModel;
}

/** One documented answer of an operation: its status, description, headers and JSON body. */
export interface ResponseModel {
  readonly status: string;
  readonly description: string;
  readonly headers: readonly {
    readonly name: string;
    readonly description?: string;
    readonly schema: SchemaModel;
  }[];
  /** The JSON body's schema (Tencent: the whole envelope), when the answer has one. */
  readonly schema?: SchemaModel;
  readonly examples: readonly ExampleModel[];
}

export interface OperationModel {
  /** The operation id, e.g. `StopAIConversation`. */
  readonly name: string;
  /** The client method, e.g. `stopAIConversation`. */
  readonly methodName: string;
  /** The CLI command, e.g. `stop-ai-conversation`. */
  readonly command: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** Method and path as written in the spec (Tencent: the pseudo-path); what openapi-fetch clients use. */
  readonly specMethod: string;
  readonly specPath: string;
  readonly wire: WireModel;
  /** Input members in order: path labels, query, headers the user sets, then body members. */
  readonly fields: readonly FieldModel[];
  /** JSON Schema of the whole user input (labels, query and body members side by side). */
  readonly inputSchema: SchemaModel;
  /** JSON Schema of the JSON body, when the operation has one. */
  readonly bodySchema?: SchemaModel;
  readonly bodyRequired: boolean;
  readonly successStatus: number;
  /** JSON Schema of the result (Tencent: the `Response` object inside the envelope; none for an empty answer). */
  readonly outputSchema?: SchemaModel;
  /** The operation's own errors (`x-error-codes`); the API's `commonErrors` apply too. */
  readonly errors: readonly ErrorModel[];
  /** `x-rate-limit`: documented requests per second per account; none when the API is not limited. */
  readonly rateLimit?: number;
  /** `x-retry`: `always`, `never` or the request member that makes a resend idempotent. */
  readonly retry: string;
  /** `x-retry-exists`: how a resend that meets the provider's "already exists" finds what it created. */
  readonly retryExists?: RetryExistsModel;
  /** Waiters that poll this operation. */
  readonly waiters: readonly WaiterModel[];
  /** Request examples, whole inputs (labels and query members included). */
  readonly requestExamples: readonly ExampleModel[];
  /** Examples of the success result (Tencent: the `Response` object). */
  readonly responseExamples: readonly ExampleModel[];
  /** Every documented answer (success and errors) as the spec writes it, for documentation. */
  readonly responses: readonly ResponseModel[];
}

/** One variant of a webhook's event: an event type, with its own schema and examples. */
export interface WebhookVariantModel {
  /** The variant's schema name, e.g. `TaskStartedEvent`: the `type` a parser answers for it. */
  readonly name: string;
  readonly description: string;
  /**
   * The values that select this variant, by dotted path (`x-discriminator`), e.g. `{ EventGroupId: 9,
   * EventType: 901 }`; empty for the catch-all.
   */
  readonly values: Readonly<Record<string, string | number | boolean>>;
  /** True for the one variant that takes every event whose values no other variant has (kept, never dropped). */
  readonly catchAll: boolean;
  /** The whole event's JSON Schema, dereferenced and with `allOf` merged into one object schema. */
  readonly schema: SchemaModel;
  /** The webhook's request examples that are this variant (matched by their values). */
  readonly examples: readonly ExampleModel[];
}

/**
 * A webhook (OpenAPI 3.1 `webhooks`): an event the service pushes to the user (a TRTC callback, a Chime
 * EventBridge event). The body is one of several variants, named by the values at `discriminator`.
 */
export interface WebhookModel {
  /** The key under `webhooks`, e.g. `AIConversationCallback`. */
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  /** The HTTP method the service sends it with (`POST`). */
  readonly method: string;
  /** Headers the service sets (`Sign`, `SdkAppId`). */
  readonly headers: readonly ParameterModel[];
  /** JSON Schema of the body, dereferenced: `anyOf` the variants. */
  readonly payloadSchema: SchemaModel;
  /** `x-discriminator`: the dotted property paths whose values select the variant, e.g. `["EventType"]`. */
  readonly discriminator: readonly string[];
  /** Every variant, in the spec's order; exactly one is the catch-all. */
  readonly variants: readonly WebhookVariantModel[];
  /** The answers the service expects from the receiver. */
  readonly responses: readonly {
    readonly status: number;
    readonly description: string;
    readonly examples: readonly ExampleModel[];
  }[];
}

export interface ServerModel {
  readonly url: string;
  readonly description?: string;
  readonly variables: Readonly<
    Record<
      string,
      { readonly default: string; readonly enum?: readonly string[]; readonly description?: string }
    >
  >;
}

/** One API: a provider service, or the mock's control API. */
export interface ApiModel {
  /** Short name: `trtc`, `chime-sdk-voice`, `mock-control`. */
  readonly name: string;
  /** The client package and its factory (for samples and tools); none for the mock's control API. */
  readonly client?: { readonly packageName: string; readonly factory: string };
  /** The CLI's word for the service and its aliases (`chime`); none when the CLI does not serve it. */
  readonly cli?: { readonly name: string; readonly aliases: readonly string[] };
  /** Protocol family: how requests are routed, signed and answered. */
  readonly protocol: "tencent" | "aws-rest-json" | "rest";
  readonly title: string;
  readonly version: string;
  readonly summary?: string;
  readonly description: string;
  /** Signing name (TC3 service, SigV4 signing name); none for unsigned APIs. */
  readonly signingName?: string;
  readonly servers: readonly ServerModel[];
  /** Documented regions (Tencent: the `X-TC-Region` enum; AWS: the server's `region` variable). */
  readonly regions: readonly string[];
  readonly securitySchemes: readonly {
    readonly name: string;
    readonly type: string;
    readonly description?: string;
  }[];
  /** Errors every operation can answer (Tencent's common error codes). */
  readonly commonErrors: readonly ErrorModel[];
  readonly operations: readonly OperationModel[];
  /** The events the service pushes (`webhooks`), in the spec's order. */
  readonly webhooks: readonly WebhookModel[];
  /** The named schemas (`components.schemas`), dereferenced; every copy of one carries `x-schema-name`. */
  readonly schemas: Readonly<Record<string, SchemaModel>>;
}
