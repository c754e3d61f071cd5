import type { ApiDoc, Operation } from "../spec/model.js";
import { defaultServerUrl } from "../spec/parse.js";
import { concretePath, type ExampleInput } from "./example-input.js";
import type { Sample } from "./sample.js";
import {
  AWS_EXAMPLE_CREDENTIALS,
  type SigningSteps,
  sigV4Steps,
  TC3_EXAMPLE_CREDENTIALS,
  tc3Steps,
} from "./signing-steps.js";
import { regionOf } from "./typescript.js";

/** The fixed signing time of every sample: 2024-05-22T12:09:08Z. */
export const SAMPLE_TIME_S = 1716379748;

function versionOf(api: ApiDoc, op: Operation): string {
  const p = op.parameters.find((x) => x.name.toLowerCase() === "x-tc-version");
  const schema = p?.schema as { const?: unknown; default?: unknown } | undefined;
  return String(schema?.const ?? schema?.default ?? api.version);
}

function stepSamples(kind: "TC3" | "SigV4", steps: SigningSteps): Sample[] {
  return [
    { label: `${kind} step 1 — canonical request`, language: "text", code: steps.canonicalRequest },
    { label: `${kind} step 2 — string to sign`, language: "text", code: steps.stringToSign },
    { label: `${kind} step 3 — derived signing key`, language: "text", code: steps.keyDerivation.join("\n") },
    { label: `${kind} step 4 — Authorization header`, language: "text", code: steps.authorization },
  ];
}

function rawRequest(method: string, pathAndQuery: string, headers: [string, string][], body: string): string {
  const lines = [`${method} ${pathAndQuery} HTTP/1.1`, ...headers.map(([n, v]) => `${n}: ${v}`)];
  return body ? `${lines.join("\n")}\n\n${body}` : lines.join("\n");
}

/**
 * The raw HTTP samples of an operation: the exact request, and for signed APIs each signing step with the
 * values computed for this very request (example keys published by the providers, fixed time).
 */
export function httpSamples(api: ApiDoc, op: Operation, input: ExampleInput): Sample[] {
  const base = new URL(defaultServerUrl(api) ?? "http://127.0.0.1:4010");
  const body = input.body ? JSON.stringify(input.body) : "";
  const pathAndQuery = concretePath(op, input);
  if (api.source.kind === "tencent") {
    const contentType = "application/json; charset=utf-8";
    const service = api.signingName ?? "trtc";
    const action = op.action ?? op.operationId;
    const steps = tc3Steps({ host: base.host, action, service, timestamp: SAMPLE_TIME_S, contentType, body });
    const headers: [string, string][] = [
      ["Host", base.host],
      ["Content-Type", contentType],
      ["X-TC-Action", action],
      ["X-TC-Version", versionOf(api, op)],
      ["X-TC-Region", regionOf(api) ?? "ap-guangzhou"],
      ["X-TC-Timestamp", String(SAMPLE_TIME_S)],
      ["Authorization", steps.authorization],
    ];
    return [
      {
        label: "Raw HTTP (TC3-HMAC-SHA256)",
        language: "http",
        code: rawRequest("POST", "/", headers, body),
        note: `Every action is \`POST /\`; the action travels in \`X-TC-Action\`. Signed with Tencent's published example key \`${TC3_EXAMPLE_CREDENTIALS.secretId}\` at the fixed time ${SAMPLE_TIME_S}, so you can recompute every step below.`,
      },
      ...stepSamples("TC3", steps),
    ];
  }
  if (api.source.kind === "aws") {
    const amzDate = `${new Date(SAMPLE_TIME_S * 1000).toISOString().replace(/[-:]|\.\d{3}/g, "")}`;
    const region = api.servers[0]?.variables.region?.default ?? "us-east-1";
    const contentType = body ? "application/json" : undefined;
    const steps = sigV4Steps({
      method: op.method,
      host: base.host,
      pathAndQuery,
      region,
      service: api.signingName ?? "chime",
      amzDate,
      contentType,
      body,
    });
    const headers: [string, string][] = [
      ["Host", base.host],
      ...(contentType ? ([["Content-Type", contentType]] as [string, string][]) : []),
      ["X-Amz-Date", amzDate],
      ["X-Amz-Content-Sha256", steps.canonicalRequest.split("\n").pop() ?? ""],
      ["Authorization", steps.authorization],
      ["Content-Length", String(Buffer.byteLength(body))],
    ];
    return [
      {
        label: "Raw HTTP (SigV4)",
        language: "http",
        code: rawRequest(op.method, pathAndQuery, headers, body),
        note: `Signed for Region \`${region}\` and signing name \`${api.signingName ?? "chime"}\` with AWS's published example key \`${AWS_EXAMPLE_CREDENTIALS.accessKeyId}\` at the fixed time ${amzDate}, so you can recompute every step below.`,
      },
      ...stepSamples("SigV4", steps),
    ];
  }
  const headers: [string, string][] = [["Host", base.host]];
  if (body)
    headers.push(["Content-Type", "application/json"], ["Content-Length", String(Buffer.byteLength(body))]);
  return [
    {
      label: "Raw HTTP",
      language: "http",
      code: rawRequest(op.method, pathAndQuery, headers, body),
      note: "The control API needs no signature.",
    },
  ];
}
