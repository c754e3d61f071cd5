/**
 * Timing of a Chime speaker search task in mock time (documented in the README):
 *
 *   start ──▶ IN_QUEUE ──1 s──▶ IN_PROGRESS ──10 s──▶ identified ──5 s──▶ SUCCEEDED | FAILED
 *                                                       (or STOPPED at once on Stop)
 *
 * Identification comes after 10 s of speech, as AWS documents; the voiceprint (which AWS makes after another
 * 10 s) is ready when the task ends. What a search finds is set per transaction through the control API
 * (matches, no match, or failure: then the task ends FAILED); by default the mock's voice profile domains hold
 * no voice profiles, so a search finds no match and succeeds with `VoiceprintGenerationSuccess`. Finished
 * tasks stay readable for 1 hour of mock time, then Get answers NotFoundException.
 */
export const CHIME_TIMING = {
  queuedMs: 1000,
  identificationMs: 10_000,
  searchMs: 15_000,
  retentionMs: 3600_000,
  /** Active voice analytics tasks per account and Region (AWS default quota). */
  activeQuota: 25,
} as const;

export type ChimeStatus = "IN_QUEUE" | "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "STOPPED";

export interface ChimeTimes {
  createdAt: number;
  stoppedAt?: number;
  /** The search fails (set through the control API): the task ends FAILED instead of SUCCEEDED. */
  fails?: boolean;
}

export const startedAt = (t: ChimeTimes) => t.createdAt + CHIME_TIMING.queuedMs;
export const identifiedAt = (t: ChimeTimes) => startedAt(t) + CHIME_TIMING.identificationMs;
/** When the search ends (SUCCEEDED, or FAILED). */
export const succeededAt = (t: ChimeTimes) => startedAt(t) + CHIME_TIMING.searchMs;

/** Whether the task was stopped before `at` (what would have happened then does not). */
export const stoppedBefore = (t: ChimeTimes, at: number) => t.stoppedAt !== undefined && t.stoppedAt <= at;

export function chimeStatusAt(t: ChimeTimes, now: number): ChimeStatus {
  if (t.stoppedAt !== undefined && now >= t.stoppedAt) return "STOPPED";
  if (now >= succeededAt(t)) return t.fails ? "FAILED" : "SUCCEEDED";
  if (now >= startedAt(t)) return "IN_PROGRESS";
  return "IN_QUEUE";
}

/** When the status last changed (UpdatedTimestamp). */
export function updatedAt(t: ChimeTimes, now: number): number {
  switch (chimeStatusAt(t, now)) {
    case "STOPPED":
      return t.stoppedAt!;
    case "SUCCEEDED":
    case "FAILED":
      return succeededAt(t);
    case "IN_PROGRESS":
      return startedAt(t);
    default:
      return t.createdAt;
  }
}

export const isActive = (s: ChimeStatus) => s === "IN_QUEUE" || s === "IN_PROGRESS";
