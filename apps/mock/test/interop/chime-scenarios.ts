import { expect } from "vitest";
import type { ChimeCall, ChimeOutcome } from "./drivers.js";
import type { Harness, Scenario } from "./harness.js";

export const CHIME_OPERATIONS = [
  "StartSpeakerSearchTask",
  "GetSpeakerSearchTask",
  "StopSpeakerSearchTask",
] as const;

const VC = "abcdef1ghij2klmno3pqr4";
const UNKNOWN_TASK = "00000000-0000-4000-8000-000000000000";

let seq = 0;
const startInput = (over: Record<string, unknown> = {}) => ({
  VoiceConnectorId: VC,
  TransactionId: `tx-${++seq}`,
  VoiceProfileDomainId: "domain-1",
  ...over,
});

const validInput = (operation: string, taskId: string): Record<string, unknown> =>
  operation === "StartSpeakerSearchTask"
    ? startInput()
    : { VoiceConnectorId: VC, SpeakerSearchTaskId: taskId };

export function expectChimeError(
  o: ChimeOutcome,
  name: string,
  status: number,
  code?: string,
): asserts o is Extract<ChimeOutcome, { ok: false }> {
  if (o.ok) throw new Error(`expected ${name}, got success ${JSON.stringify(o.data)}`);
  expect({ name: o.name, status: o.status }).toEqual({ name, status });
  if (code !== undefined && "code" in o) expect(o.code).toBe(code);
  expect(o.requestId).toMatch(/^[0-9a-f-]{36}$/);
}

export function expectChimeOk(o: ChimeOutcome): asserts o is Extract<ChimeOutcome, { ok: true }> {
  if (!o.ok) throw new Error(`expected success, got ${o.name} (${o.status}): ${o.message}`);
  expect(o.requestId).toMatch(/^[0-9a-f-]{36}$/);
}

type Task = { SpeakerSearchTaskId: string; SpeakerSearchTaskStatus: string } & Record<string, unknown>;

async function start(call: ChimeCall, over?: Record<string, unknown>): Promise<Task> {
  const r = await call("StartSpeakerSearchTask", startInput(over));
  expectChimeOk(r);
  return r.data.SpeakerSearchTask as Task;
}

const get = async (call: ChimeCall, id: string): Promise<Task> => {
  const r = await call("GetSpeakerSearchTask", { VoiceConnectorId: VC, SpeakerSearchTaskId: id });
  expectChimeOk(r);
  return r.data.SpeakerSearchTask as Task;
};

export const chimeScenarios: Scenario[] = [
  {
    name: "Chime lifecycle: Start (201, IN_QUEUE) → IN_PROGRESS → Stop (204) → STOPPED",
    async run(h: Harness) {
      const call = h.chime();
      const task = await start(call, { CallLeg: "Callee" });
      expect(task).toMatchObject({
        SpeakerSearchTaskStatus: "IN_QUEUE",
        CallDetails: { VoiceConnectorId: VC, IsCaller: false },
      });
      expect(task.SpeakerSearchTaskId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      // The SDK turns ISO 8601 strings into Date objects.
      expect(task.CreatedTimestamp).toBeInstanceOf(Date);
      h.mock.control.advanceClock(1000);
      const running = await get(call, task.SpeakerSearchTaskId);
      expect(running.SpeakerSearchTaskStatus).toBe("IN_PROGRESS");
      expect(running.StartedTimestamp).toBeInstanceOf(Date);
      const stop = await call("StopSpeakerSearchTask", {
        VoiceConnectorId: VC,
        SpeakerSearchTaskId: task.SpeakerSearchTaskId,
      });
      expectChimeOk(stop);
      expect(stop.status).toBe(204);
      expect((await get(call, task.SpeakerSearchTaskId)).SpeakerSearchTaskStatus).toBe("STOPPED");
      expectChimeOk(
        await call("StopSpeakerSearchTask", {
          VoiceConnectorId: VC,
          SpeakerSearchTaskId: task.SpeakerSearchTaskId,
        }),
      );
    },
  },
  {
    name: "Chime: a finished search SUCCEEDED and can no longer be stopped (ConflictException)",
    async run(h) {
      const call = h.chime();
      const task = await start(call);
      h.mock.control.advanceClock(16_000);
      const done = await get(call, task.SpeakerSearchTaskId);
      expect(done).toMatchObject({
        SpeakerSearchTaskStatus: "SUCCEEDED",
        SpeakerSearchDetails: { Results: [], VoiceprintGenerationStatus: "VoiceprintGenerationSuccess" },
      });
      const stop = await call("StopSpeakerSearchTask", {
        VoiceConnectorId: VC,
        SpeakerSearchTaskId: task.SpeakerSearchTaskId,
      });
      expectChimeError(stop, "ConflictException", 409, "Conflict");
    },
  },
  {
    name: "Chime: ClientRequestToken makes Start idempotent; other parameters with the same token conflict",
    async run(h) {
      const call = h.chime();
      const input = startInput({ ClientRequestToken: "token-abc-1" });
      const a = await call("StartSpeakerSearchTask", input);
      const b = await call("StartSpeakerSearchTask", input);
      expectChimeOk(a);
      expectChimeOk(b);
      expect(b.status).toBe(201);
      const idOf = (o: { data: Record<string, unknown> }) =>
        (o.data.SpeakerSearchTask as Task).SpeakerSearchTaskId;
      expect(idOf(b)).toBe(idOf(a));
      const conflict = await call("StartSpeakerSearchTask", { ...input, VoiceProfileDomainId: "domain-2" });
      expectChimeError(conflict, "ConflictException", 409, "Conflict");
      expect(h.mock.control.tasks({ account: h.keys.aws.accessKeyId }).chime).toHaveLength(1);
    },
  },
  {
    name: "Chime: the 26th active task in a Region is ResourceLimitExceededException; other Regions are separate",
    async run(h) {
      const call = h.chime();
      for (let i = 0; i < 25; i++) {
        if (i > 0 && i % 5 === 0) h.mock.control.advanceClock(1000); // stay under 5 requests per second
        await start(call);
      }
      h.mock.control.advanceClock(1000);
      expectChimeError(
        await call("StartSpeakerSearchTask", startInput()),
        "ResourceLimitExceededException",
        400,
        "ResourceLimitExceeded",
      );
      await start(h.chime({ region: "eu-west-1" }));
    },
  },
  {
    name: "Chime: not found, for Get and Stop; a %2F inside a label stays in the label",
    async run(h) {
      const call = h.chime();
      for (const op of ["GetSpeakerSearchTask", "StopSpeakerSearchTask"]) {
        const r = await call(op, validInput(op, UNKNOWN_TASK));
        expectChimeError(r, "NotFoundException", 404, "NotFound");
        expect(r.message).toContain(UNKNOWN_TASK);
      }
      const slash = await call("GetSpeakerSearchTask", {
        VoiceConnectorId: VC,
        SpeakerSearchTaskId: "a/b c",
      });
      expectChimeError(slash, "NotFoundException", 404);
      expect(slash.message).toContain("a/b c");
      const task = await start(call);
      const elsewhere = await call("GetSpeakerSearchTask", {
        VoiceConnectorId: "other-vc",
        SpeakerSearchTaskId: task.SpeakerSearchTaskId,
      });
      expectChimeError(elsewhere, "NotFoundException", 404);
    },
  },
  {
    name: "Chime: bad signature and unknown access key, for every operation",
    async run(h) {
      const wrongKey = h.chime({
        credentials: { accessKeyId: h.keys.aws.accessKeyId, secretAccessKey: "wrong" },
      });
      const unknownKey = h.chime({ credentials: { accessKeyId: "AKIANOBODY", secretAccessKey: "whatever" } });
      for (const op of CHIME_OPERATIONS) {
        const r = await wrongKey(op, validInput(op, UNKNOWN_TASK));
        expectChimeError(r, "InvalidSignatureException", 403);
        expect(r.message).toContain("signature");
        expectChimeError(
          await unknownKey(op, validInput(op, UNKNOWN_TASK)),
          "UnrecognizedClientException",
          403,
        );
      }
    },
  },
  {
    name: "Chime: expired signature (client clock 6 minutes behind), for every operation; Date corrects the skew",
    async run(h) {
      for (const op of CHIME_OPERATIONS) {
        const late = h.chime({ clockOffsetMs: -6 * 60_000 });
        const r = await late(op, validInput(op, UNKNOWN_TASK));
        expectChimeError(r, "InvalidSignatureException", 403);
        expect(r.message).toMatch(/^Signature expired/);
        // The SDK corrects its clock from the answer's Date header (the mock's clock), so the next call is signed
        // in time and reaches the operation.
        const again = await late(op, validInput(op, UNKNOWN_TASK));
        if (!again.ok) expect(again.name).not.toBe("InvalidSignatureException");
      }
    },
  },
  {
    name: "Chime: throttled past 5 requests per second, per operation",
    async run(h) {
      const call = h.chime();
      for (const op of CHIME_OPERATIONS) {
        const results = await Promise.all(
          Array.from({ length: 6 }, () => call(op, validInput(op, UNKNOWN_TASK))),
        );
        const throttled = results.filter((r) => !r.ok && r.name === "ThrottledClientException");
        expect(throttled).toHaveLength(1);
        expectChimeError(throttled[0]!, "ThrottledClientException", 429, "Throttled");
      }
    },
  },
  {
    name: "Chime: invalid input is BadRequestException naming the member and the rule",
    async run(h) {
      const call = h.chime();
      const cases: [string, Record<string, unknown>, RegExp][] = [
        [
          "StartSpeakerSearchTask",
          startInput({ TransactionId: undefined }),
          /'transactionId'.*must not be null/,
        ],
        [
          "StartSpeakerSearchTask",
          startInput({ CallLeg: "Both" }),
          /'callLeg'.*enum value set: \[Caller, Callee\]/,
        ],
        [
          "StartSpeakerSearchTask",
          startInput({ ClientRequestToken: "x" }),
          /'clientRequestToken'.*length greater than or equal to 2/,
        ],
        [
          "StartSpeakerSearchTask",
          startInput({ VoiceProfileDomainId: " " }),
          /'voiceProfileDomainId'.*regular expression pattern/,
        ],
        [
          "StartSpeakerSearchTask",
          startInput({ VoiceConnectorId: " " }),
          /'voiceConnectorId'.*regular expression pattern/,
        ],
        [
          "GetSpeakerSearchTask",
          { VoiceConnectorId: VC, SpeakerSearchTaskId: "x".repeat(257) },
          /'speakerSearchTaskId'.*less than or equal to 256/,
        ],
        [
          "StopSpeakerSearchTask",
          { VoiceConnectorId: "v".repeat(129), SpeakerSearchTaskId: UNKNOWN_TASK },
          /'voiceConnectorId'.*less than or equal to 128/,
        ],
      ];
      for (const [op, input, message] of cases) {
        const r = await call(op, input);
        expectChimeError(r, "BadRequestException", 400, "BadRequest");
        expect(r.message).toMatch(message);
        h.mock.control.advanceClock(1000);
      }
    },
  },
  {
    name: "Chime: a temporary key's requests carry its session token (UnrecognizedClientException otherwise)",
    async run(h) {
      const temporary = h.keys.awsTemporary;
      const call = h.chime({ credentials: temporary });
      const task = await start(call);
      const wrong = h.chime({ credentials: { ...temporary, sessionToken: "not-the-session-token" } });
      const missing = h.chime({
        credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey },
      });
      for (const refused of [wrong, missing]) {
        for (const op of CHIME_OPERATIONS) {
          const r = await refused(op, validInput(op, task.SpeakerSearchTaskId));
          expectChimeError(r, "UnrecognizedClientException", 403);
          expect(r.message).toBe("The security token included in the request is invalid.");
        }
      }
      expect((await get(call, task.SpeakerSearchTaskId)).SpeakerSearchTaskStatus).toBe("IN_QUEUE");
      expect(JSON.stringify(h.mock.control.journal())).not.toContain(temporary.sessionToken);
    },
  },
];
