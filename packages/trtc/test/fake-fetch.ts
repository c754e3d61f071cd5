// `src/*.test.ts` import the fake fetch from here; it lives in @voicetask/test-kit.
export { fakeFetch, type Recorded } from "@voicetask/test-kit/fake-fetch";
