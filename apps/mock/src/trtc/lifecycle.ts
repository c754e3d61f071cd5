/**
 * Timing of a TRTC AI conversation task in mock time (documented in the README):
 *
 *   start ──0 ms──▶ Preparing ──1 s──▶ InProgress ──(stop | StopAfterPlay | MaxIdleTime)──▶ Stopped ──5 s──▶ gone
 *
 * - Idle is the state before Preparing; with the default 0 ms it is never observed.
 * - Stop ends the task at once; `ServerPushText.StopAfterPlay` ends it once the text has "played" (1 s later).
 * - Nobody publishes audio into a mock room, so the room counts as idle: the task ends `MaxIdleTime` seconds
 *   (default 60) after it reached InProgress or after the last ControlAIConversation, whichever is later
 *   (a pushed text makes the bot speak, which is activity in the room).
 * - While Stopped the task can still be described and stopped again; Control and Update answer
 *   `FailedOperation.TaskNotExist`. After cleanup every action answers `FailedOperation.TaskNotExist`.
 */
export const TRTC_TIMING = {
  idleMs: 0,
  preparingMs: 1000,
  playMs: 1000,
  cleanupMs: 5000,
  defaultMaxIdleSeconds: 60,
} as const;

export type TrtcStatus = "Idle" | "Preparing" | "InProgress" | "Stopped";

export interface TrtcTimes {
  createdAt: number;
  maxIdleMs: number;
  lastActivityAt: number;
  stopAt?: number;
}

/** When the task ends (or ended), whichever comes first: an explicit stop or the idle timeout. */
export function endAt(t: TrtcTimes): number {
  const inProgressAt = t.createdAt + TRTC_TIMING.idleMs + TRTC_TIMING.preparingMs;
  const idleEnd = Math.max(inProgressAt, t.lastActivityAt) + t.maxIdleMs;
  return Math.min(t.stopAt ?? Number.POSITIVE_INFINITY, idleEnd);
}

/** The status at `now`, or `undefined` once the task has been cleaned up. */
export function statusAt(t: TrtcTimes, now: number): TrtcStatus | undefined {
  const end = endAt(t);
  if (now >= end + TRTC_TIMING.cleanupMs) return undefined;
  if (now >= end) return "Stopped";
  if (now >= t.createdAt + TRTC_TIMING.idleMs + TRTC_TIMING.preparingMs) return "InProgress";
  if (now >= t.createdAt + TRTC_TIMING.idleMs) return "Preparing";
  return "Idle";
}
