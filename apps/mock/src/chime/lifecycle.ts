/**
 * Timing of a Chime speaker search task in mock time (documented in the README):
 *
 *   start ──▶ IN_QUEUE ──1 s──▶ IN_PROGRESS ──15 s──▶ SUCCEEDED      (or STOPPED at once on Stop)
 *
 * The mock's voice profile domains hold no voice profiles, so a finished search succeeds with
 * `VoiceprintGenerationSuccess` and an empty result list. Finished tasks stay readable for 1 hour of mock
 * time, then Get answers NotFoundException.
 */
export const CHIME_TIMING = {
  queuedMs: 1000,
  searchMs: 15_000,
  retentionMs: 3600_000,
  /** Active voice analytics tasks per account and Region (AWS default quota). */
  activeQuota: 25,
} as const;

export type ChimeStatus = "IN_QUEUE" | "IN_PROGRESS" | "SUCCEEDED" | "STOPPED";

export interface ChimeTimes {
  createdAt: number;
  stoppedAt?: number;
}

export const startedAt = (t: ChimeTimes) => t.createdAt + CHIME_TIMING.queuedMs;
export const succeededAt = (t: ChimeTimes) => startedAt(t) + CHIME_TIMING.searchMs;

export function chimeStatusAt(t: ChimeTimes, now: number): ChimeStatus {
  if (t.stoppedAt !== undefined && now >= t.stoppedAt) return "STOPPED";
  if (now >= succeededAt(t)) return "SUCCEEDED";
  if (now >= startedAt(t)) return "IN_PROGRESS";
  return "IN_QUEUE";
}

/** When the status last changed (UpdatedTimestamp). */
export function updatedAt(t: ChimeTimes, now: number): number {
  switch (chimeStatusAt(t, now)) {
    case "STOPPED":
      return t.stoppedAt!;
    case "SUCCEEDED":
      return succeededAt(t);
    case "IN_PROGRESS":
      return startedAt(t);
    default:
      return t.createdAt;
  }
}

export const isActive = (s: ChimeStatus) => s === "IN_QUEUE" || s === "IN_PROGRESS";
