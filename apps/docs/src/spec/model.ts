import type { Json, JsonObject } from "./refs.js";
import type { SpecSource } from "./sources.js";

export interface NamedExample {
  key: string;
  summary?: string;
  description?: string;
  value: Json;
}

export interface ParameterInfo {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Json;
  examples: NamedExample[];
}

export interface HeaderInfo {
  name: string;
  required: boolean;
  description?: string;
  schema: Json;
}

export interface BodyInfo {
  description?: string;
  required: boolean;
  mediaType: string;
  schema: Json;
  examples: NamedExample[];
}

export interface ResponseInfo {
  status: string;
  description?: string;
  headers: HeaderInfo[];
  body?: BodyInfo;
}

export interface ErrorCode {
  code: string;
  description: string;
  status?: number;
  fault?: string;
}

export interface Operation {
  operationId: string;
  /** Method and path as written in the spec (TRTC: the pseudo-path). */
  method: string;
  path: string;
  /** Method and path sent on the wire (TRTC: `POST /`). */
  wireMethod: string;
  wirePath: string;
  /** X-TC-Action for Tencent APIs. */
  action?: string;
  summary?: string;
  description?: string;
  tags: string[];
  parameters: ParameterInfo[];
  requestBody?: BodyInfo;
  responses: ResponseInfo[];
  rateLimit?: number;
  retry?: string;
  errorCodes: ErrorCode[];
}

export interface ServerInfo {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface SecuritySchemeInfo {
  name: string;
  type: string;
  description?: string;
}

export interface ApiDoc {
  source: SpecSource;
  doc: JsonObject;
  title: string;
  version: string;
  summary?: string;
  description?: string;
  servers: ServerInfo[];
  securitySchemes: SecuritySchemeInfo[];
  /** Codes any operation can return (Tencent's common error codes). */
  commonErrorCodes: ErrorCode[];
  /** Signing name (TC3 service, SigV4 signing name). */
  signingName?: string;
  operations: Operation[];
}
