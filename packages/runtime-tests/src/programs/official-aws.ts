// The same Chime lifecycle through the unchanged official AWS SDK, @aws-sdk/client-chime-sdk-voice.
import { CHIME_REGION, type RunConfig } from "../in-runtime/config.js";
import { chimeLifecycle } from "../in-runtime/lifecycles.js";

export async function officialAws(config: RunConfig): Promise<string[]> {
  // Imported when called, so a runtime that cannot load the SDK fails this lifecycle, not the program.
  const sdk = await import("@aws-sdk/client-chime-sdk-voice");
  const client = new sdk.ChimeSDKVoiceClient({
    region: CHIME_REGION,
    endpoint: config.endpoint,
    credentials: config.aws.official,
    maxAttempts: 1,
  });
  type Command = new (input: unknown) => Parameters<typeof client.send>[0];
  const commands = {
    StartSpeakerSearchTask: sdk.StartSpeakerSearchTaskCommand,
    GetSpeakerSearchTask: sdk.GetSpeakerSearchTaskCommand,
    StopSpeakerSearchTask: sdk.StopSpeakerSearchTaskCommand,
  } as unknown as Record<string, Command>;
  return chimeLifecycle(async (operation, input) => {
    const { $metadata: _, ...rest } = (await client.send(
      new commands[operation]!(input),
    )) as unknown as Record<string, unknown>;
    return rest;
  }, config.endpoint);
}
