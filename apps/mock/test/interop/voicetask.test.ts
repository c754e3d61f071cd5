import { interopSuite } from "./suite.js";
import { voicetaskDrivers } from "./voicetask-drivers.js";

// voicetask's own clients (@voicetask/trtc, @voicetask/chime-sdk-voice) run the same scenarios as the official SDKs.
interopSuite(voicetaskDrivers);
