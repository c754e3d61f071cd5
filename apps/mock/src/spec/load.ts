import { spec as chimeSpec } from "@voicetask/chime-sdk-voice/spec";
import { spec as trtcSpec } from "@voicetask/trtc/spec";
import type { OpenApiDoc } from "./openapi.js";

/** The provider specs, as the generated packages ship them (never read from the repository at run time). */
export const providerSpecs = {
  trtc: trtcSpec as unknown as OpenApiDoc,
  chime: chimeSpec as unknown as OpenApiDoc,
};
