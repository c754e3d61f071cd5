import type { ApiModel, OperationModel } from "@voicetask/core";
import { type DocsApi, sampleRegion } from "../model/load.js";
import type { ExampleInput } from "./example-input.js";
import { rawRequest } from "./raw-request.js";
import type { Sample } from "./sample.js";
import { wireRequest } from "./wire-request.js";

/** The fixed signing time of every sample: 2024-05-22T12:09:08Z. */
export const SAMPLE_TIME_MS = 1_716_379_748_000;

/** Tencent's documented example key pair (API 3.0 signing docs); it opens nothing. */
export const TC3_EXAMPLE_CREDENTIALS = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
};

/** AWS's documented example key pair (SigV4 test suite); it opens nothing. */
export const AWS_EXAMPLE_CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

/** How the samples of one protocol are signed, and how its key derivation reads. */
interface SampleSigner {
  /** Short name in the step labels: `TC3`, `SigV4`. */
  name: string;
  algorithm: string;
  credentials: object;
  keyId: string;
  /** The first HMAC's key (`"TC3" + SecretKey`); then the names of the keys derived from the scope's parts. */
  secret: string;
  keys: string[];
  note: (api: ApiModel, region: string) => string;
}

const SIGNERS: Partial<Record<ApiModel["protocol"], SampleSigner>> = {
  tencent: {
    name: "TC3",
    algorithm: "TC3-HMAC-SHA256",
    credentials: TC3_EXAMPLE_CREDENTIALS,
    keyId: TC3_EXAMPLE_CREDENTIALS.secretId,
    secret: `"TC3" + SecretKey`,
    keys: ["SecretDate", "SecretService", "SecretSigning"],
    note: () => "Every action is `POST /`; the action travels in `X-TC-Action`, the region in `X-TC-Region`.",
  },
  "aws-rest-json": {
    name: "SigV4",
    algorithm: "AWS4-HMAC-SHA256",
    credentials: AWS_EXAMPLE_CREDENTIALS,
    keyId: AWS_EXAMPLE_CREDENTIALS.accessKeyId,
    secret: `"AWS4" + SecretAccessKey`,
    keys: ["kDate", "kRegion", "kService", "kSigning"],
    note: (api, region) => `Signed for Region \`${region}\` and signing name \`${api.signingName}\`.`,
  },
};

/** The key derivation of a credential scope as formulas (`kDate = HMAC-SHA256("AWS4" + …, "20240522")`), no key. */
function keyDerivation(signer: SampleSigner, scope: string[]): string[] {
  const names = signer.keys;
  const width = Math.max(...names.map((n) => n.length), "Signature".length);
  const lines = scope.map(
    (part, i) =>
      `${(names[i] ?? "").padEnd(width)} = HMAC-SHA256(${i === 0 ? signer.secret : names[i - 1]}, "${part}")`,
  );
  return [...lines, `${"Signature".padEnd(width)} = hex(HMAC-SHA256(${names.at(-1)}, StringToSign))`];
}

/**
 * The raw HTTP samples of an operation: the request the client's `buildRequest` makes for the example input,
 * signed by the client's `signRequest` with the provider's published example key at a fixed time, then the
 * canonical request and the string to sign that the signer answered, the key derivation and the header.
 */
export async function httpSamples(api: DocsApi, op: OperationModel, input: ExampleInput): Promise<Sample[]> {
  const request = wireRequest(api, op, input.value);
  const signer = SIGNERS[api.model.protocol];
  if (!signer || !api.request) {
    return [
      {
        label: "Raw HTTP",
        language: "http",
        code: rawRequest(request),
        note: "This API needs no signature.",
      },
    ];
  }
  const region = sampleRegion(api.model) ?? "";
  const signed = await api.request.signRequest(request, {
    credentials: signer.credentials,
    now: SAMPLE_TIME_MS,
    region,
  });
  const scope = (signed.stringToSign.split("\n")[2] ?? "").split("/");
  const time = new Date(SAMPLE_TIME_MS).toISOString().replace(".000", "");
  return [
    {
      label: `Raw HTTP (${signer.algorithm})`,
      language: "http",
      code: rawRequest(signed.request),
      note: `${signer.note(api.model, region)} Built by the client's \`buildRequest\` and signed by its \`signRequest\` (\`${api.model.client?.packageName}/request\`) with the published example key \`${signer.keyId}\` at ${time}, so you can recompute every step below.`,
    },
    { label: `${signer.name} step 1 — canonical request`, language: "text", code: signed.canonicalRequest },
    { label: `${signer.name} step 2 — string to sign`, language: "text", code: signed.stringToSign },
    {
      label: `${signer.name} step 3 — derived signing key`,
      language: "text",
      code: keyDerivation(signer, scope).join("\n"),
    },
    {
      label: `${signer.name} step 4 — Authorization header`,
      language: "text",
      code: signed.request.headers.authorization ?? "",
    },
  ];
}
