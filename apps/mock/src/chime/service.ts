import type { OpenApiDoc } from "../spec/openapi.js";
import { compileRoutes, type Route } from "../spec/router.js";
import { ChimeError, ERROR_STATUS } from "./errors.js";
import { ChimeTaskStore, type StartTaskInput, speakerSearchTask } from "./tasks.js";
import { type ChimeOperation, compileChime } from "./validation.js";

export interface ChimeCall {
  account: string;
  region: string;
  labels: Record<string, string>;
  body: Record<string, unknown>;
  now: number;
}

/** Returns the response body (`undefined` for an empty body). */
type Behaviour = (call: ChimeCall) => Record<string, unknown> | undefined;

export class ChimeService {
  readonly operations: Map<string, ChimeOperation>;
  readonly routes: Route[];
  readonly tasks = new ChimeTaskStore();
  /** SigV4 signing name (`x-aws-signing-name`). */
  readonly signingName: string;
  private readonly behaviours: Record<string, Behaviour>;

  constructor(readonly doc: OpenApiDoc) {
    this.operations = compileChime(doc);
    this.routes = compileRoutes([...this.operations.values()].map((o) => o.op));
    this.signingName =
      typeof doc["x-aws-signing-name"] === "string" ? (doc["x-aws-signing-name"] as string) : "chime";
    const tasks = this.tasks;
    this.behaviours = {
      StartSpeakerSearchTask: ({ account, region, labels, body, now }) => {
        const task = tasks.start(
          account,
          region,
          labels.VoiceConnectorId!,
          body as unknown as StartTaskInput,
          now,
        );
        return { SpeakerSearchTask: speakerSearchTask(task, now) };
      },
      GetSpeakerSearchTask: ({ account, region, labels, now }) => {
        const task = tasks.get(account, region, labels.VoiceConnectorId!, labels.SpeakerSearchTaskId!, now);
        return { SpeakerSearchTask: speakerSearchTask(task, now) };
      },
      StopSpeakerSearchTask: ({ account, region, labels, now }) => {
        tasks.stop(account, region, labels.VoiceConnectorId!, labels.SpeakerSearchTaskId!, now);
        return undefined;
      },
    };
  }

  run(operationId: string, call: ChimeCall): Record<string, unknown> | undefined {
    const behaviour = this.behaviours[operationId];
    if (!behaviour) {
      throw new ChimeError(
        "UnprocessableEntityException",
        `The mock has no behaviour for ${operationId} yet.`,
        422,
      );
    }
    return behaviour(call);
  }

  /** The HTTP status of an error shape for an operation: its `x-error-codes` entry, else the shape's trait. */
  statusOf(operationId: string | undefined, shape: string): number | undefined {
    const listed = operationId
      ? this.operations.get(operationId)?.op.errorCodes.find((c) => c.code === shape)?.status
      : undefined;
    return listed ?? ERROR_STATUS[shape];
  }
}
