/** The smallest useful program: stop one speaker search task. Used by the size budget test and the bench. */
export const stopProgram = `
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
const client = createChimeSdkVoiceClient({ region: "us-east-1", credentials: { accessKeyId: "id", secretAccessKey: "key" } });
const out = await client.stopSpeakerSearchTask({ VoiceConnectorId: "vc-1", SpeakerSearchTaskId: "task-1" });
console.log(out.$metadata.requestId);
`;

/** The same program written with the official AWS SDK v3. */
export const officialStopProgram = `
import { ChimeSDKVoiceClient, StopSpeakerSearchTaskCommand } from "@aws-sdk/client-chime-sdk-voice";
const client = new ChimeSDKVoiceClient({ region: "us-east-1", credentials: { accessKeyId: "id", secretAccessKey: "key" } });
const out = await client.send(new StopSpeakerSearchTaskCommand({ VoiceConnectorId: "vc-1", SpeakerSearchTaskId: "task-1" }));
console.log(out.$metadata.requestId);
`;
