// `src/*.test.ts` import the fake-clock driver from here; it lives in @voicetask/test-kit.
export { drive, rejection } from "@voicetask/test-kit/drive";
