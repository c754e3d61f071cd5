import { expect } from "vitest";
import type { MockServer } from "../../src/index.js";
import type { AwsKeys, ChimeCall, Drivers, TrtcCall, TrtcKeys } from "./drivers.js";

/**
 * Keys the interop mock accepts: one pair per account number, so each scenario of each driver configuration has an
 * account of its own, and one temporary pair (with a session token) per account number.
 */
export const ACCOUNTS = 256;
const pad = (i: number) => String(i).padStart(3, "0");
export const tencentKeys = (i: number): TrtcKeys => ({
  secretId: `AKIDinterop${pad(i)}`,
  secretKey: `interop-secret-${i}`,
});
export const awsKeys = (i: number): AwsKeys => ({
  accessKeyId: `AKIAINTEROP${pad(i)}`,
  secretAccessKey: `interop-secret-${i}`,
});
export const tencentTemporaryKeys = (i: number): Required<TrtcKeys> => ({
  secretId: `AKIDinteropTMP${pad(i)}`,
  secretKey: `interop-temporary-secret-${i}`,
  token: `interop-session-token-${i}`,
});
export const awsTemporaryKeys = (i: number): Required<AwsKeys> => ({
  accessKeyId: `ASIAINTEROP${pad(i)}`,
  secretAccessKey: `interop-temporary-secret-${i}`,
  sessionToken: `interop-session-token-${i}`,
});

/** The SdkAppId whose UserSig key the interop credentials file declares (for account 0 only). */
export const USERSIG_APP = 1400000042;
export const USERSIG_KEY = "interop-usersig-key";

export const interopCredentials = () => ({
  tencent: Array.from({ length: ACCOUNTS }, (_, i) => [
    { ...tencentKeys(i), ...(i === 0 ? { sdkAppIds: { [String(USERSIG_APP)]: USERSIG_KEY } } : {}) },
    tencentTemporaryKeys(i),
  ]).flat(),
  aws: Array.from({ length: ACCOUNTS }, (_, i) => {
    const { sessionToken, ...temporary } = awsTemporaryKeys(i);
    return [awsKeys(i), { ...temporary, token: sessionToken }];
  }).flat(),
});

export interface Harness {
  mock: MockServer;
  /** A TRTC caller for this scenario's account (or other keys), default region ap-singapore. */
  trtc(o?: { credentials?: TrtcKeys; region?: string }): TrtcCall;
  /** A Chime caller for this scenario's account (or other keys), default region us-east-1. */
  chime(o?: { credentials?: AwsKeys; region?: string; clockOffsetMs?: number }): ChimeCall;
  keys: {
    tencent: TrtcKeys;
    aws: AwsKeys;
    tencentTemporary: Required<TrtcKeys>;
    awsTemporary: Required<AwsKeys>;
  };
}

export interface Scenario {
  name: string;
  /** Run for every request form of the Tencent SDKs (forms.test.ts), not only once per client. */
  everyForm?: boolean;
  run(h: Harness): Promise<void>;
}

const HAN = /\p{Script=Han}/u;

export function harnessFor(mock: MockServer, drivers: Drivers, account: number): Harness {
  const keys = {
    tencent: tencentKeys(account),
    aws: awsKeys(account),
    tencentTemporary: tencentTemporaryKeys(account),
    awsTemporary: awsTemporaryKeys(account),
  };
  return {
    mock,
    keys,
    trtc: (o = {}) => {
      const call = drivers.trtc({
        url: mock.url,
        credentials: o.credentials ?? keys.tencent,
        region: o.region ?? "ap-singapore",
      });
      // Every error comes back in the language the client asked for (the service's default: English).
      return async (action, params) => {
        const outcome = await call(action, params);
        if (!outcome.ok) {
          const where = `${action} → ${outcome.code}: ${outcome.message}`;
          if (drivers.answersIn === "zh-CN") expect(outcome.message, where).toMatch(HAN);
          else expect(outcome.message, where).not.toMatch(HAN);
        }
        return outcome;
      };
    },
    chime: (o = {}) =>
      drivers.chime({
        url: mock.url,
        credentials: o.credentials ?? keys.aws,
        region: o.region ?? "us-east-1",
        clockOffsetMs: o.clockOffsetMs,
      }),
  };
}
