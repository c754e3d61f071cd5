import { intlSdkDrivers, nodeSdkDrivers } from "./official-drivers.js";
import { everyFormSuite } from "./suite.js";
import { voicetaskDrivers } from "./voicetask-drivers.js";

// The TRTC lifecycle and its error paths in every request form the official Node SDKs send, in both languages,
// in one mock: tencentcloud-sdk-nodejs for each signMethod × reqMethod × language; tencentcloud-sdk-nodejs-intl-en
// unchanged with its defaults (signature v1); and voicetask's own client.
const forms = (["TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"] as const).flatMap((signMethod) =>
  (["POST", "GET"] as const).flatMap((reqMethod) =>
    (["zh-CN", "en-US"] as const).map((language) => nodeSdkDrivers({ signMethod, reqMethod, language })),
  ),
);

everyFormSuite([...forms, intlSdkDrivers, voicetaskDrivers]);
