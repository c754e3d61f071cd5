import type { MockServer } from "../../src/index.js";
import type { AwsKeys, ChimeCall, Drivers, TrtcCall, TrtcKeys } from "./drivers.js";

/** Keys the interop mock accepts: one pair per scenario so each scenario has an account of its own. */
export const ACCOUNTS = 64;
export const tencentKeys = (i: number): TrtcKeys => ({
  secretId: `AKIDinterop${String(i).padStart(3, "0")}`,
  secretKey: `interop-secret-${i}`,
});
export const awsKeys = (i: number): AwsKeys => ({
  accessKeyId: `AKIAINTEROP${String(i).padStart(3, "0")}`,
  secretAccessKey: `interop-secret-${i}`,
});

/** The SdkAppId whose UserSig key the interop credentials file declares (for account 0 only). */
export const USERSIG_APP = 1400000042;
export const USERSIG_KEY = "interop-usersig-key";

export const interopCredentials = () => ({
  tencent: Array.from({ length: ACCOUNTS }, (_, i) => ({
    ...tencentKeys(i),
    ...(i === 0 ? { sdkAppIds: { [String(USERSIG_APP)]: USERSIG_KEY } } : {}),
  })),
  aws: Array.from({ length: ACCOUNTS }, (_, i) => awsKeys(i)),
});

export interface Harness {
  mock: MockServer;
  /** A TRTC caller for this scenario's account (or other keys), default region ap-singapore. */
  trtc(o?: { credentials?: TrtcKeys; region?: string }): TrtcCall;
  /** A Chime caller for this scenario's account (or other keys), default region us-east-1. */
  chime(o?: { credentials?: AwsKeys; region?: string; clockOffsetMs?: number }): ChimeCall;
  keys: { tencent: TrtcKeys; aws: AwsKeys };
}

export interface Scenario {
  name: string;
  /** Scenarios that move the mock clock far or reset the mock run with `exclusive` (no other scenario in flight). */
  run(h: Harness): Promise<void>;
}

export function harnessFor(mock: MockServer, drivers: Drivers, account: number): Harness {
  const keys = { tencent: tencentKeys(account), aws: awsKeys(account) };
  return {
    mock,
    keys,
    trtc: (o = {}) =>
      drivers.trtc({
        url: mock.url,
        credentials: o.credentials ?? keys.tencent,
        region: o.region ?? "ap-singapore",
      }),
    chime: (o = {}) =>
      drivers.chime({
        url: mock.url,
        credentials: o.credentials ?? keys.aws,
        region: o.region ?? "us-east-1",
        clockOffsetMs: o.clockOffsetMs,
      }),
  };
}
