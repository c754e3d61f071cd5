import { verifyUserSig } from "@voicetask/trtc/usersig";
import type { CredentialStore } from "../credentials.js";
import type { Behaviour } from "../pipeline/behaviour.js";
import { TrtcError } from "./errors.js";
import { message, type UserSigProblem } from "./messages.js";
import { formatStartTime, type StartInput, type TrtcStoreLimits, TrtcTaskStore } from "./tasks.js";

/** The TRTC task state and what each stateful action does to it; other actions answer their spec example. */
export class TrtcService {
  readonly tasks: TrtcTaskStore;
  /** By action; each returns the action's result fields (without RequestId). */
  readonly behaviours: ReadonlyMap<string, Behaviour>;

  constructor(
    private readonly credentials: CredentialStore,
    limits?: TrtcStoreLimits,
  ) {
    const tasks = new TrtcTaskStore(limits);
    this.tasks = tasks;
    this.behaviours = new Map<string, Behaviour>([
      [
        "StartAIConversation",
        ({ account, region, body, now }) => {
          const input = body as unknown as StartInput;
          this.checkUserSig(account, input, now);
          return { TaskId: tasks.start(account, region, input, now).taskId };
        },
      ],
      [
        "StopAIConversation",
        ({ account, body, now }) => {
          tasks.stop(account, String(body.TaskId), now);
          return {};
        },
      ],
      [
        "ControlAIConversation",
        ({ account, body, now }) => {
          tasks.control(account, body as never, now);
          return {};
        },
      ],
      [
        "UpdateAIConversation",
        ({ account, body, now }) => {
          tasks.update(account, body as never, now);
          return {};
        },
      ],
      [
        "DescribeAIConversation",
        ({ account, body, now }) => {
          const { task, status } = tasks.describe(account, body as never, now);
          const out: Record<string, unknown> = {
            StartTime: formatStartTime(task.createdAt),
            Status: status,
            TaskId: task.taskId,
          };
          if (task.sessionId !== undefined) out.SessionId = task.sessionId;
          return out;
        },
      ],
    ]);
  }

  private checkUserSig(account: string, input: StartInput, now: number): void {
    const userSig = input.AgentConfig.UserSig;
    const invalid = (why: UserSigProblem) =>
      new TrtcError("InvalidParameter.UserSig", message("userSig", why));
    if (typeof userSig !== "string" || userSig === "") throw invalid("empty");
    const key = this.credentials.userSigKey(account, String(input.SdkAppId));
    if (key === undefined) return;
    const check = verifyUserSig(userSig, {
      sdkAppId: input.SdkAppId,
      userId: input.AgentConfig.UserId,
      secretKey: key,
      now: Math.floor(now / 1000),
    });
    if (!check.ok) throw invalid(check.reason);
  }
}
