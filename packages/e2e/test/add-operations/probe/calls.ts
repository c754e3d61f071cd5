// Copied into the scratch repository's apps/mock and run from sources: starts the scratch mock, calls the two
// added operations with the scratch clients through a capturing fetch, and prints what happened as JSON.
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { createTrtcClient } from "@voicetask/trtc";
import { startMockServer } from "./src/index.js";

const mock = await startMockServer({ port: 0, logLevel: "error" });
const sent: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
const capture: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  sent.push({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: await request.clone().text(),
  });
  return fetch(request);
};
const failure = (e: { code?: string; message?: string; httpStatus?: number }) => ({
  code: e.code,
  message: e.message,
  status: e.httpStatus,
});
const tencent = { secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" };
const aws = { accessKeyId: "AKIAVOICETASKDEMO", secretAccessKey: "voicetask-demo-secret" };
const common = { endpoint: mock.url, fetch: capture, retry: false } as const;
const trtc = createTrtcClient({ region: "ap-singapore", credentials: tencent, ...common });
const chime = createChimeSdkVoiceClient({ region: "us-east-1", credentials: aws, ...common });
const out: Record<string, unknown> = { url: mock.url };
try {
  out.trtc = await trtc.describeAITranscription({ TaskId: "transcription-task-1" });
  out.trtcWire = sent.at(-1);
  out.chime = await chime.listVoiceProfiles({ VoiceProfileDomainId: "d-1", MaxResults: 5 });
  out.chimeWire = sent.at(-1);
  out.trtcMissing = await trtc.describeAITranscription({} as never).catch(failure);
  out.chimeMissing = await chime.listVoiceProfiles({} as never).catch(failure);
  out.chimeOutOfRange = await chime
    .listVoiceProfiles({ VoiceProfileDomainId: "d-1", MaxResults: 500 })
    .catch(failure);
  const wrongKey = createTrtcClient({
    region: "ap-singapore",
    credentials: { ...tencent, secretKey: "wrong" },
    ...common,
  });
  out.trtcWrongKey = await wrongKey.describeAITranscription({ TaskId: "t" }).catch(failure);
  const wrongAws = createChimeSdkVoiceClient({
    region: "us-east-1",
    credentials: { ...aws, secretAccessKey: "wrong" },
    ...common,
  });
  out.chimeWrongKey = await wrongAws.listVoiceProfiles({ VoiceProfileDomainId: "d-1" }).catch(failure);
} finally {
  await mock.close();
}
process.stdout.write(JSON.stringify(out));
