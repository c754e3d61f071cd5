import vectorsJson from "../fixtures/tc3/vectors.json" with { type: "json" };

export interface Tc3Vector {
  name: string;
  source: string;
  secretId: string;
  secretKey: string;
  method: string;
  url: string;
  service: string;
  action?: string;
  timestamp: number;
  contentType: string;
  body: string;
  signedHeaders: string[];
  expected: {
    hashedPayload?: string;
    canonicalRequest?: string;
    hashedCanonicalRequest?: string;
    stringToSign?: string;
    signature?: string;
    authorization?: string;
  };
}

/** Every case of test/fixtures/tc3/vectors.json. */
export const tc3Vectors: Tc3Vector[] = vectorsJson.cases as Tc3Vector[];

/**
 * Tencent's current zh documentation revision of the same CVM example signs `x-tc-action` too (V2 in the
 * research notes, tencent-trtc-api.md §2.2); the asterisks are literally part of the documented keys.
 */
export const tc3DocXTcActionVector: Tc3Vector = {
  ...(tc3Vectors[0] as Tc3Vector),
  name: "doc-cvm-describe-instances-x-tc-action",
  source: "Tencent Cloud 'Signature v3' documentation, current zh revision",
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******",
  signedHeaders: ["content-type", "host", "x-tc-action"],
  expected: {
    hashedCanonicalRequest: "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
    signature: "be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
    authorization:
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
  },
};
