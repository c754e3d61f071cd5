import type { Redactor } from "@voicetask/core";
import type { ChimeTaskStore } from "../chime/tasks.js";
import type { MockClock } from "../clock.js";
import type { CredentialsConfig } from "../credentials.js";
import type { Journal } from "../journal.js";
import type { MockLimits } from "../limits.js";
import type { Logger } from "../logger.js";
import type { TrtcTaskStore } from "../trtc/tasks.js";
import { ChimeEvents } from "./chime-events.js";
import { Outbox } from "./outbox.js";
import { type CallbackTarget, EventTargets } from "./targets.js";
import { TrtcCallbacks } from "./trtc-callbacks.js";

/** Everything the mock posts to receivers: the targets, the emitters of each provider and the outbox. */
export interface MockEvents {
  targets: EventTargets;
  outbox: Outbox;
  trtc: TrtcCallbacks;
  chime: ChimeEvents;
  /** Forgets what is still to be emitted or delivered (of one account). */
  reset(account?: string): void;
  close(): void;
}

export interface MockEventsSetup {
  clock: MockClock;
  journal: Journal;
  logger: Logger;
  redactor: Redactor;
  limits: MockLimits;
  credentials: CredentialsConfig;
  /** SdkAppId → callback target, on top of the credentials file's `callbacks`. */
  callbacks?: Record<string, CallbackTarget>;
  /** Access key id → event target URL, on top of the credentials file's `eventTarget`. */
  eventTargets?: Record<string, string>;
  trtcTasks: TrtcTaskStore;
  chimeTasks: ChimeTaskStore;
}

/** Builds the targets from the configuration (throws a TargetError naming a bad one) and wires the emitters to the stores. */
export function createMockEvents(o: MockEventsSetup): MockEvents {
  const targets = new EventTargets(o.redactor, o.limits.eventTargets);
  for (const account of o.credentials.tencent ?? [])
    for (const [app, target] of Object.entries(account.callbacks ?? {})) targets.setCallback(app, target);
  for (const account of o.credentials.aws ?? [])
    if (account.eventTarget !== undefined) targets.setEventTarget(account.accessKeyId, account.eventTarget);
  for (const [app, target] of Object.entries(o.callbacks ?? {})) targets.setCallback(app, target);
  for (const [account, url] of Object.entries(o.eventTargets ?? {})) targets.setEventTarget(account, url);

  const outbox = new Outbox(o.clock, o.journal, o.logger, o.limits.eventQueue);
  const trtc = new TrtcCallbacks(o.clock, targets, outbox);
  const chime = new ChimeEvents(o.clock, targets, outbox);
  o.trtcTasks.listener = trtc;
  o.chimeTasks.listener = chime;
  return {
    targets,
    outbox,
    trtc,
    chime,
    reset(account) {
      trtc.reset(account);
      chime.reset(account);
      outbox.reset(account);
    },
    close() {
      trtc.close();
      chime.close();
      outbox.close();
    },
  };
}
