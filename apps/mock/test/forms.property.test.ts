import { readTencentV1Parameters } from "@voicetask/core";
import { model as trtcModel } from "@voicetask/trtc/spec";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";
import { requestArbitrary } from "./support/schema-arbitrary.js";
import { trtcHeaders } from "./support/sign.js";
import { type RawTencentRequest, tc3GetRequest, v1Request } from "./support/tencent-forms.js";

// For random requests of every TRTC action: the TC3 JSON form and a flat form (signature v1 as GET or POST, or TC3
// GET) with the same content reach the same operation with the same validated input and get the same answer; and
// one flipped byte anywhere in a signed flat request makes the mock refuse it.

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 150);
/** Each run makes two or three HTTP requests; the machine may be loaded. */
const TIMEOUT_MS = Math.max(30_000, RUNS * 200);
const JSON_ACCOUNT = { secretId: "AKIDpropertyJSON", secretKey: "property-secret-json" };
const FLAT_ACCOUNT = { secretId: "AKIDpropertyFLAT", secretKey: "property-secret-flat" };

let mock: MockServer;
beforeAll(async () => {
  const frozen = Date.now();
  mock = await startMockServer({
    port: 0,
    rateLimit: false,
    credentials: { tencent: [JSON_ACCOUNT, FLAT_ACCOUNT] },
    clock: { now: () => frozen, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    logLevel: "error",
  });
});
afterAll(() => mock?.close());

const actions = trtcModel.operations.map((op) => ({
  action: op.name,
  params: requestArbitrary(op.bodySchema ?? { type: "object" }),
}));
const actionAndParams = fc.oneof(
  ...actions.map(({ action, params }) => params.map((p) => ({ action, params: p }))),
);

type FlatForm = "HmacSHA1 GET" | "HmacSHA1 POST" | "HmacSHA256 GET" | "HmacSHA256 POST" | "TC3 GET";
const flatForm = fc.constantFrom<FlatForm>(
  "HmacSHA1 GET",
  "HmacSHA1 POST",
  "HmacSHA256 GET",
  "HmacSHA256 POST",
  "TC3 GET",
);

function flatRequest(
  form: FlatForm,
  action: string,
  params: Record<string, unknown>,
): Promise<RawTencentRequest> {
  if (form === "TC3 GET") return tc3GetRequest(mock.port, action, params, { credentials: FLAT_ACCOUNT });
  const [signMethod, reqMethod] = form.split(" ") as ["HmacSHA1" | "HmacSHA256", "GET" | "POST"];
  return v1Request(mock.port, action, params, { signMethod, reqMethod, credentials: FLAT_ACCOUNT });
}

type Answer = { Error?: { Code: string; Message: string } } & Record<string, unknown>;
const answerOf = (r: { json: unknown }) => (r.json as { Response: Answer }).Response;

describe("a flat request and a JSON request with the same content", () => {
  it(
    "reach the same operation with the same validated input, and get the same answer",
    async () => {
      let validated = 0;
      let invalid = 0;
      await fc.assert(
        fc.asyncProperty(actionAndParams, flatForm, async ({ action, params }, form) => {
          const body = JSON.stringify(params);
          const json = answerOf(
            await raw(mock.url, {
              method: "POST",
              path: "/",
              headers: await trtcHeaders(mock.port, action, body, { credentials: JSON_ACCOUNT }),
              body,
            }),
          );
          const flat = answerOf(await raw(mock.url, await flatRequest(form, action, params)));
          expect(flat.Error, `${form} ${action} ${body}`).toEqual(json.Error);
          const [a, b] = [JSON_ACCOUNT, FLAT_ACCOUNT].map((k) =>
            mock.control.journal({ account: k.secretId }).at(-1),
          );
          expect(b?.operation).toBe(action);
          expect(b?.operation).toBe(a?.operation);
          expect(b?.body, `${form} ${action}`).toEqual(a?.body);
          // Past validation (served, or refused by the task logic), or refused as invalid input.
          if (json.Error && /^(MissingParameter|UnknownParameter|InvalidParameter)/.test(json.Error.Code))
            invalid++;
          else validated++;
        }),
        { numRuns: RUNS },
      );
      // Both outcomes were exercised, or the property would be saying little.
      expect(validated).toBeGreaterThan(RUNS / 10);
      expect(invalid).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT_MS,
  );
});

/** One byte of a request part flipped (XOR 1: ASCII stays ASCII, a letter never only changes case). */
const flip = (text: string, at: number) => {
  const i = at % text.length;
  return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
};

/** Whether a mutated v1 request still says exactly what the original said (then accepting it is right). */
function meansTheSame(a: RawTencentRequest, b: RawTencentRequest): boolean {
  if (a.headers.authorization) return false; // TC3 GET: any change of a signed part changes the signed text
  const params = (r: RawTencentRequest) =>
    readTencentV1Parameters({
      method: r.method,
      url: r.path,
      headers: r.headers,
      body: new TextEncoder().encode(r.body),
    });
  const [pa, pb] = [params(a), params(b)];
  const sorted = (p: [string, string][]) => JSON.stringify([...p].sort());
  return (
    pa.ok &&
    pb.ok &&
    a.headers.host === b.headers.host &&
    a.path.split("?")[0] === b.path.split("?")[0] &&
    sorted(pa.params) === sorted(pb.params)
  );
}

describe("a signed flat request with one byte flipped", () => {
  const stop = fc.record({ TaskId: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) });
  const part = fc.constantFrom("target", "host", "body", "content-type", "x-tc-timestamp");

  it(
    "is refused by the mock, in Tencent's envelope, whichever byte it is",
    async () => {
      let authFailures = 0;
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(stop, flatForm, part, fc.nat(), async (params, form, which, at) => {
          const signed = await flatRequest(form, "StopAIConversation", params);
          let mutated: RawTencentRequest;
          if (which === "body" && signed.body !== "") mutated = { ...signed, body: flip(signed.body, at) };
          else if (
            (which === "content-type" || which === "x-tc-timestamp") &&
            signed.headers[which] !== undefined
          ) {
            mutated = {
              ...signed,
              headers: { ...signed.headers, [which]: flip(signed.headers[which] as string, at) },
            };
          } else if (which === "host") {
            mutated = {
              ...signed,
              headers: { ...signed.headers, host: flip(signed.headers.host as string, at) },
            };
          } else mutated = { ...signed, path: flip(signed.path, at) };
          if (meansTheSame(signed, mutated)) return;
          // A flipped `!` is a space, a flipped `~` is DEL: no HTTP client sends such a target.
          if (mutated.path.includes(" ") || mutated.path.includes("\u007f")) return;
          checked++;
          const r = await raw(mock.url, mutated);
          // node's HTTP parser refuses a target that is no longer valid HTTP (400) before any route sees it.
          if (r.status === 400 && r.json === undefined) return;
          const answer = (r.json as { Response?: Answer } | undefined)?.Response;
          if (answer === undefined) {
            // A flipped `/` is no longer the TRTC route: the other provider answers, refusing it too.
            expect(r.status, r.text).toBeGreaterThanOrEqual(400);
            return;
          }
          expect(answer.Error, `${form} ${which} ${mutated.path} ${mutated.body}`).toBeDefined();
          if (answer.Error?.Code.startsWith("AuthFailure.")) authFailures++;
        }),
        { numRuns: RUNS },
      );
      // Most flips are caught by the signature itself (the rest break the request before it is checked).
      expect(checked).toBeGreaterThan(RUNS / 2);
      expect(authFailures).toBeGreaterThan(checked / 2);
    },
    TIMEOUT_MS,
  );
});
