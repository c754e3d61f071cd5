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

/** A Lambda function that reads speaker search events from an SQS queue. Used by the events size test. */
export const eventsLambdaProgram = `
import { parseEvent } from "@voicetask/chime-sdk-voice/events";
export const handler = async (event) => {
  for (const record of event.Records) {
    const parsed = parseEvent(record);
    if (parsed.type === "IdentificationSuccessfulEvent") console.log(parsed.event.detail.speakerSearchDetails.results);
  }
};
`;
