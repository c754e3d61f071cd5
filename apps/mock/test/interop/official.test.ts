import { officialDrivers } from "./official-drivers.js";
import { interopSuite } from "./suite.js";

// The unchanged official SDKs (tencentcloud-sdk-nodejs, @aws-sdk/client-chime-sdk-voice) against the mock.
interopSuite(officialDrivers);
