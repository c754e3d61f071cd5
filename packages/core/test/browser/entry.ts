/**
 * Runs in headless Chromium, bundled by esbuild (platform "browser") from the BUILT package: `@voicetask/core`
 * resolves through the exports map to dist/ (the `voicetask-source` condition is only for typechecking), and `#crypto`
 * resolves through package.json "imports" to the Web Crypto backend. Returns plain data for the Node side to check.
 */
import * as api from "@voicetask/core";
import type { AwsSuiteCase } from "../support/aws-suite.js";
import { mutations } from "../support/mutate.js";
import { runSuiteCase, runTc3Vector, type SigningApi } from "../support/runners.js";
import type { Tc3Vector } from "../support/tc3-vectors.js";

const signing = api as SigningApi;

export interface BrowserResults {
  tc3: {
    name: string;
    authorization: string;
    signature: string;
    requestAuthorization: string;
    verified: boolean;
    mutationsRejected: boolean;
  }[];
  suite: {
    name: string;
    canonicalRequest: string;
    stringToSign: string;
    signature: string;
    authorization: string;
    verified: boolean;
    mutationsRejected: boolean;
  }[];
  secureContext: boolean;
}

const signedHeadersOf = (authorization: string) =>
  (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? "").split(";");

async function run(data: { tc3: Tc3Vector[]; suite: AwsSuiteCase[] }): Promise<BrowserResults> {
  const tc3: BrowserResults["tc3"] = [];
  for (const v of data.tc3) {
    const out = await runTc3Vector(signing, v);
    const o = { lookupSecret: () => v.secretKey, now: v.timestamp * 1000 };
    const verified = (await signing.verifyTc3(out.wire, o)).ok;
    let mutationsRejected = true;
    for (const [, m] of mutations(out.wire, signedHeadersOf(out.lowLevel.authorization))) {
      if ((await signing.verifyTc3(m, o)).ok) mutationsRejected = false;
    }
    tc3.push({
      name: v.name,
      authorization: out.lowLevel.authorization,
      signature: out.lowLevel.signature,
      requestAuthorization: out.requestAuthorization,
      verified,
      mutationsRejected,
    });
  }
  const suite: BrowserResults["suite"] = [];
  for (const c of data.suite) {
    const out = await runSuiteCase(signing, c);
    const o = {
      lookupSecret: () => c.context.credentials.secret_access_key,
      now: Date.parse(c.context.timestamp),
      normalizePath: c.context.normalize,
    };
    const verified = (await signing.verifySigV4(out.wire, o)).ok;
    let mutationsRejected = true;
    for (const [, m] of mutations(
      out.wire,
      signedHeadersOf(out.authorization).filter((h) => h !== "x-amz-date"),
    )) {
      if ((await signing.verifySigV4(m, o)).ok) mutationsRejected = false;
    }
    suite.push({
      name: c.name,
      ...out,
      wire: undefined,
      verified,
      mutationsRejected,
    } as BrowserResults["suite"][number]);
  }
  return { tc3, suite, secureContext: globalThis.isSecureContext };
}

(globalThis as { runSigningVectors?: typeof run }).runSigningVectors = run;
