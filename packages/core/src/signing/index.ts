export { type SignSigV4Options, signSigV4 } from "./sign-sigv4.js";
export { type SignTc3Options, signTc3 } from "./sign-tc3.js";
export { type SigV4Parts, type SigV4Signature, sigV4Sign } from "./sigv4.js";
export { type Tc3Parts, type Tc3Signature, tc3Sign } from "./tc3.js";
export type { AwsCredentials, HeaderRecord, Tc3Credentials, VerifyResult, WireRequest } from "./types.js";
export { type VerifySigV4Options, verifySigV4 } from "./verify-sigv4.js";
export { type VerifyTc3Options, verifyTc3 } from "./verify-tc3.js";
export {
  readTencentV1Parameters,
  TENCENT_V1_COMMON_PARAMETERS,
  type TencentV1CommonParameter,
  type TencentV1Verified,
  tencentV1StringToSign,
  type VerifyTencentV1Options,
  type VerifyTencentV1Result,
  verifyTencentV1,
} from "./verify-tencent-v1.js";
