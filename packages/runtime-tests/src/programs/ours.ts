// The consumer suite of our two clients, run inside each runtime against the mock: whole lifecycles, typed
// errors, aborts and timeouts, concurrent calls on one account, a throttle followed by recovery, and the
// credentials error of a client given none. Only Fetch, Web Crypto and timers: it runs unchanged everywhere.
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import {
  AbortError,
  CredentialsError,
  createTrtcClient,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
} from "@voicetask/trtc";
import { chimeCall, chimeClient, trtcCall, trtcClient } from "../in-runtime/clients.js";
import { callsOnOneAccount, startConcurrentTask } from "../in-runtime/concurrent.js";
import { CHIME_REGION, type RunConfig, TRTC_REGION } from "../in-runtime/config.js";
import { chimeLifecycle, trtcLifecycle } from "../in-runtime/lifecycles.js";
import {
  clearFaults,
  faultHits,
  journal,
  mostInOneSecond,
  setFault,
  throttles,
} from "../in-runtime/mock-control.js";
import { expectThat, type Outcome, outcome, rejectionOf } from "../in-runtime/outcome.js";

export const OUR_CASES = [
  "trtc lifecycle",
  "chime lifecycle",
  "typed errors",
  "aborts and timeouts",
  "concurrent calls on one account",
  "throttle then recovery",
  "credentials",
] as const;
export type OurCase = (typeof OUR_CASES)[number];

const missing = { TaskId: "no-such-task" };

async function typedErrors(config: RunConfig) {
  const trtc = trtcClient(config, "errors");
  const gone = await rejectionOf(trtc.describeAIConversation(missing));
  expectThat(
    gone instanceof ServiceError && gone instanceof VoicetaskError,
    "not a ServiceError",
    String(gone),
  );
  expectThat(gone.code === "FailedOperation.TaskNotExist", "code", gone.code);
  expectThat(gone.operation === "DescribeAIConversation" && !gone.retryable, "operation / retryable", gone);
  expectThat(typeof gone.requestId === "string" && gone.requestId !== "", "no requestId", gone.requestId);

  const bad = await rejectionOf(trtc.stopAIConversation({} as { TaskId: string }));
  expectThat(bad instanceof ServiceError && bad.code === "MissingParameter", "an empty Stop", String(bad));

  const { secretId } = config.tencent.errors;
  const forged = trtcClient(config, "errors", { credentials: { secretId, secretKey: "not-the-secret" } });
  const auth = await rejectionOf(forged.describeAIConversation(missing));
  expectThat(
    auth instanceof ServiceError && auth.code === "AuthFailure.SignatureFailure",
    "wrong key",
    String(auth),
  );

  const chime = chimeClient(config, "errors");
  const notFound = await rejectionOf(
    chime.getSpeakerSearchTask({
      VoiceConnectorId: "abcdef1ghij2klmno3pqr4",
      SpeakerSearchTaskId: "no-such-task",
    }),
  );
  expectThat(notFound instanceof ServiceError, "Chime: not a ServiceError", String(notFound));
  expectThat(notFound.name === "NotFoundException" && notFound.httpStatus === 404, "Chime 404", notFound);
  return [gone.code, bad.code, auth.code, notFound.name];
}

async function abortsAndTimeouts(config: RunConfig) {
  const client = trtcClient(config, "aborts", { retry: false });
  const { secretId } = config.tencent.aborts;
  const before = (await journal(config.endpoint, secretId)).length;
  const early = await rejectionOf(client.describeAIConversation(missing, { signal: AbortSignal.abort() }));
  expectThat(early instanceof AbortError, "an aborted signal: not AbortError", String(early));
  const sent = (await journal(config.endpoint, secretId)).length - before;
  expectThat(sent === 0, "a call with an aborted signal was sent", sent);

  await setFault(config.endpoint, "DescribeAIConversation", { latencyMs: 3000 });
  try {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const inFlight = await rejectionOf(client.describeAIConversation(missing, { signal: controller.signal }));
    expectThat(inFlight instanceof AbortError, "aborted in flight: not AbortError", String(inFlight));
    const late = await rejectionOf(client.describeAIConversation(missing, { timeoutMs: 200 }));
    expectThat(late instanceof TimeoutError && late.timeoutMs === 200, "not a TimeoutError", String(late));
    return ["AbortError before sending", "AbortError in flight", `TimeoutError after ${late.timeoutMs} ms`];
  } finally {
    await clearFaults(config.endpoint);
  }
}

/** Two callers × 25 calls at once on one account (the Worker version spreads them over two requests). */
async function concurrentCalls(config: RunConfig) {
  const TaskId = await startConcurrentTask(config);
  const [a, b] = await Promise.all([
    callsOnOneAccount(config, TaskId, 25),
    callsOnOneAccount(config, TaskId, 25),
  ]);
  const later = await callsOnOneAccount(config, TaskId, 3);
  expectThat(a.answered + b.answered === 50 && later.answered === 3, "not all answered", { a, b, later });
  const entries = await journal(config.endpoint, config.tencent.concurrent.secretId);
  const described = entries.filter((e) => e.operation === "DescribeAIConversation");
  const throttled = throttles(entries).length;
  expectThat(
    throttled === 0,
    `the mock throttled ${throttled} calls; it saw up to ${mostInOneSecond(described)} within 1 s`,
  );
  return { answered: a.answered + b.answered, later: later.answered, throttled: 0 };
}

async function throttleThenRecovery(config: RunConfig) {
  // A client without our limiter and without retries meets the mock's own limit (20/s TRTC, 5/s Chime).
  const burst = trtcClient(config, "throttle", { rateLimit: false, retry: false });
  const trtcResults = await Promise.allSettled(
    Array.from({ length: 30 }, () => burst.describeAIConversation(missing)),
  );
  const trtcThrottles = trtcResults.flatMap((r) =>
    r.status === "rejected" && r.reason instanceof ThrottlingError ? [r.reason] : [],
  );
  expectThat(trtcThrottles.length > 0, "30 calls at once met no throttle");
  const first = trtcThrottles[0]!;
  expectThat(
    first.code.startsWith("RequestLimitExceeded") && first.retryable && first.kind === "throttle",
    "throttle",
    first,
  );

  const chimeBurst = chimeClient(config, "throttle", { rateLimit: false, retry: false });
  const chimeResults = await Promise.allSettled(
    Array.from({ length: 10 }, () =>
      chimeBurst.getSpeakerSearchTask({
        VoiceConnectorId: "abcdef1ghij2klmno3pqr4",
        SpeakerSearchTaskId: "no-such-task",
      }),
    ),
  );
  const chimeThrottle = chimeResults.find(
    (r) => r.status === "rejected" && r.reason instanceof ThrottlingError,
  );
  expectThat(chimeThrottle !== undefined, "10 Chime calls at once met no throttle");
  const chimeError = (chimeThrottle as PromiseRejectedResult).reason as ServiceError;
  expectThat(
    chimeError.httpStatus === 429 && chimeError.code === "ThrottledClientException",
    "Chime throttle",
    chimeError,
  );

  // Recovery: a client with default options is throttled twice, waits, and its call goes through; later calls too.
  const client = trtcClient(config, "recovery");
  const { TaskId } = await client.startAIConversation({
    SdkAppId: 1400000001,
    RoomId: "recovery-room",
    SessionId: crypto.randomUUID(),
    AgentConfig: { UserId: "robot", UserSig: "any-usersig", TargetUserId: "user-1" },
    LLMConfig: JSON.stringify({ LLMType: "openai", APIKey: "k", APIUrl: "https://llm.example/v1" }),
    TTSConfig: JSON.stringify({ TTSType: "flow", VoiceId: "v-female-R2s4N9qJ", Model: "flow_01_turbo" }),
  });
  await setFault(config.endpoint, "DescribeAIConversation", { errorCode: "RequestLimitExceeded", times: 2 });
  try {
    const after = await client.describeAIConversation({ TaskId: TaskId! });
    const hits = await faultHits(config.endpoint, "DescribeAIConversation");
    expectThat(hits === 2 && after.TaskId === TaskId, "not recovered after two throttles", { hits, after });
  } finally {
    await clearFaults(config.endpoint);
  }
  const later = await Promise.all(
    Array.from({ length: 5 }, () => client.describeAIConversation({ TaskId: TaskId! })),
  );
  expectThat(
    later.every((r) => r.TaskId === TaskId),
    "later calls",
    later,
  );
  return {
    trtcThrottled: trtcThrottles.length,
    chimeThrottled: chimeError.code,
    recoveredAfter: 2,
    later: later.length,
  };
}

/**
 * A client given no credentials: where the environment has the keys (a Worker with nodejs_compat puts its env
 * bindings in process.env) its call is signed and answered; elsewhere it fails with a CredentialsError naming
 * what to pass. The harness checks which, per runtime.
 */
async function noCredentialsGiven(config: RunConfig) {
  const client = createTrtcClient({ region: TRTC_REGION, endpoint: config.endpoint });
  const error = await rejectionOf(client.describeAIConversation(missing));
  if (error instanceof ServiceError && error.code === "FailedOperation.TaskNotExist")
    return { signed: "with the keys in the environment" };
  expectThat(error instanceof CredentialsError, "not a CredentialsError", String(error));
  return { credentialsError: error.message };
}

/** Runs the cases one after the other (they share the runtime's mock: its faults and clock). */
export async function ours(config: RunConfig): Promise<Partial<Record<OurCase, Outcome>>> {
  const chimeCredentials =
    config.chimeCredentials === "environment" ? {} : { credentials: config.chimeCredentials };
  const cases: Record<OurCase, () => Promise<unknown>> = {
    "trtc lifecycle": () => trtcLifecycle(trtcCall(trtcClient(config, "lifecycle")), config.endpoint),
    "chime lifecycle": () =>
      chimeLifecycle(
        chimeCall(
          createChimeSdkVoiceClient({ region: CHIME_REGION, endpoint: config.endpoint, ...chimeCredentials }),
        ),
        config.endpoint,
      ),
    "typed errors": () => typedErrors(config),
    "aborts and timeouts": () => abortsAndTimeouts(config),
    "concurrent calls on one account": () => concurrentCalls(config),
    "throttle then recovery": () => throttleThenRecovery(config),
    credentials: () => noCredentialsGiven(config),
  };
  const outcomes: Partial<Record<OurCase, Outcome>> = {};
  const names =
    config.cases === "all" ? OUR_CASES : (["trtc lifecycle", "chime lifecycle", "credentials"] as const);
  for (const name of names) outcomes[name] = await outcome(cases[name]);
  return outcomes;
}
