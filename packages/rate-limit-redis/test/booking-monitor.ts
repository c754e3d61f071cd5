import { Redis } from "ioredis";

/**
 * The server's own record of every booking: MONITOR shows the ZADD each acquire script run issues, with the
 * score (server TIME in µs) it booked, and each `ZADD XX` that re-dates a booking later. It relies on nothing
 * the store or its callers report, and on no local timing, so a loaded machine cannot make a budget check pass
 * or fail.
 */
export async function recordBookings(url: string, isLogKey: (key: string) => boolean) {
  const monitorClient = new Redis(url);
  const monitor = await monitorClient.monitor();
  /** Each booking's latest time, by member id. */
  const booked = new Map<string, number>();
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    if (source !== "lua" || args[0]?.toLowerCase() !== "zadd" || args[1] === undefined || !isLogKey(args[1]))
      return;
    const [score, member] = args[2]?.toLowerCase() === "xx" ? args.slice(3) : args.slice(2);
    if (member !== undefined) booked.set(member, Number(score));
  });
  return {
    /** Stops recording; answers the bookings' final times (µs, server clock), sorted. */
    async stop(): Promise<number[]> {
      // Let MONITOR deliver the last lines before comparing.
      await monitorClient.ping().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      monitor.disconnect();
      monitorClient.disconnect();
      return [...booked.values()].sort((a, b) => a - b);
    },
  };
}

/** Most bookings found in any window (t - windowMs, t] over sorted booking times in µs. */
export function busiestWindow(timesUs: number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < timesUs.length; last++) {
    while ((timesUs[first] as number) <= (timesUs[last] as number) - windowMs * 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
