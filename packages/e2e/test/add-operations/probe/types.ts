// Copied into the scratch repository's apps/mock and type-checked against the scratch clients' sources: the added
// operations are typed methods, with their required members and member types.
import type { ChimeSdkVoiceClient, ListVoiceProfilesOutput } from "@voicetask/chime-sdk-voice";
import type { DescribeAITranscriptionResponse, TrtcClient } from "@voicetask/trtc";

export async function typed(trtc: TrtcClient, chime: ChimeSdkVoiceClient) {
  const transcription: DescribeAITranscriptionResponse = await trtc.describeAITranscription({ TaskId: "t" });
  const status: string | undefined = transcription.Status;
  // @ts-expect-error TaskId is required
  await trtc.describeAITranscription({ SdkAppId: 1400000001 });
  const profiles: ListVoiceProfilesOutput = await chime.listVoiceProfiles({
    VoiceProfileDomainId: "d",
    MaxResults: 5,
  });
  const created: Date | undefined = profiles.VoiceProfiles?.[0]?.CreatedTimestamp;
  // @ts-expect-error VoiceProfileDomainId is required
  await chime.listVoiceProfiles({ MaxResults: 5 });
  // @ts-expect-error MaxResults is a number
  await chime.listVoiceProfiles({ VoiceProfileDomainId: "d", MaxResults: "5" });
  return { status, created };
}
