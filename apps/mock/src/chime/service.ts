import type { Behaviour } from "../pipeline/behaviour.js";
import { type ChimeStoreLimits, ChimeTaskStore, type StartTaskInput, speakerSearchTask } from "./tasks.js";

/** The speaker-search task state and what each stateful operation does to it; others answer their spec example. */
export class ChimeService {
  readonly tasks: ChimeTaskStore;
  /** By operation id; each returns the response body (`undefined` for an empty body). */
  readonly behaviours: ReadonlyMap<string, Behaviour>;

  constructor(limits?: Partial<ChimeStoreLimits>) {
    const tasks = new ChimeTaskStore(limits);
    this.tasks = tasks;
    const label = (params: Record<string, unknown>, name: string) => params[name] as string;
    this.behaviours = new Map<string, Behaviour>([
      [
        "StartSpeakerSearchTask",
        ({ account, region, params, body, now }) => {
          const input = body as unknown as StartTaskInput;
          const task = tasks.start(account, region, label(params, "VoiceConnectorId"), input, now);
          return { SpeakerSearchTask: speakerSearchTask(task, now) };
        },
      ],
      [
        "GetSpeakerSearchTask",
        ({ account, region, params, now }) => {
          const vc = label(params, "VoiceConnectorId");
          const task = tasks.get(account, region, vc, label(params, "SpeakerSearchTaskId"), now);
          return { SpeakerSearchTask: speakerSearchTask(task, now) };
        },
      ],
      [
        "StopSpeakerSearchTask",
        ({ account, region, params, now }) => {
          tasks.stop(
            account,
            region,
            label(params, "VoiceConnectorId"),
            label(params, "SpeakerSearchTaskId"),
            now,
          );
          return undefined;
        },
      ],
    ]);
  }
}
