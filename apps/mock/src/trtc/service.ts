import { verifyUserSig } from "@voicetask/trtc/usersig";
import type { CredentialStore } from "../credentials.js";
import type { OpenApiDoc } from "../spec/openapi.js";
import { TrtcError } from "./errors.js";
import { type StartInput, TrtcTaskStore } from "./tasks.js";
import { compileTrtc, type TrtcOperation } from "./validation.js";

const USERSIG_PROBLEMS = {
  malformed: "it cannot be decoded",
  "wrong-user": "it was issued for another UserId",
  "wrong-app": "it was issued for another SdkAppId",
  "bad-signature": "its signature does not match",
  expired: "it has expired",
} as const;

export interface ActionCall {
  account: string;
  region: string;
  body: Record<string, unknown>;
  now: number;
}

/** What each action does to the task state; returns the action's result fields (without RequestId). */
type Behaviour = (call: ActionCall) => Record<string, unknown>;

export class TrtcService {
  readonly operations: Map<string, TrtcOperation>;
  readonly tasks = new TrtcTaskStore();
  /** `x-tc-service` of the spec: the signing service name in the credential scope. */
  readonly signingService: string;
  private readonly behaviours: Record<string, Behaviour>;

  constructor(
    readonly doc: OpenApiDoc,
    private readonly credentials: CredentialStore,
  ) {
    this.operations = compileTrtc(doc);
    this.signingService = typeof doc["x-tc-service"] === "string" ? (doc["x-tc-service"] as string) : "trtc";
    const tasks = this.tasks;
    this.behaviours = {
      StartAIConversation: ({ account, region, body, now }) => {
        const input = body as unknown as StartInput;
        this.checkUserSig(account, input, now);
        return { TaskId: tasks.start(account, region, input, now).taskId };
      },
      StopAIConversation: ({ account, body, now }) => {
        tasks.stop(account, String(body.TaskId), now);
        return {};
      },
      ControlAIConversation: ({ account, body, now }) => {
        tasks.control(account, body as never, now);
        return {};
      },
      UpdateAIConversation: ({ account, body, now }) => {
        tasks.update(account, body as never, now);
        return {};
      },
      DescribeAIConversation: ({ account, body, now }) => {
        const { task, status } = tasks.describe(account, body as never, now);
        const out: Record<string, unknown> = {
          StartTime: task.startTime,
          Status: status,
          TaskId: task.taskId,
        };
        if (task.sessionId !== undefined) out.SessionId = task.sessionId;
        return out;
      },
    };
  }

  run(action: string, call: ActionCall): Record<string, unknown> {
    const behaviour = this.behaviours[action];
    if (!behaviour) {
      throw new TrtcError("UnsupportedOperation", `The mock has no behaviour for \`${action}\` yet.`);
    }
    return behaviour(call);
  }

  private checkUserSig(account: string, input: StartInput, now: number): void {
    const userSig = input.AgentConfig.UserSig;
    const invalid = (why: string) => new TrtcError("InvalidParameter.UserSig", `UserSig is invalid: ${why}.`);
    if (typeof userSig !== "string" || userSig === "") throw invalid("it is empty");
    const key = this.credentials.userSigKey(account, String(input.SdkAppId));
    if (key === undefined) return;
    const check = verifyUserSig(userSig, {
      sdkAppId: input.SdkAppId,
      userId: input.AgentConfig.UserId,
      secretKey: key,
      now: Math.floor(now / 1000),
    });
    if (!check.ok) throw invalid(USERSIG_PROBLEMS[check.reason]);
  }
}
