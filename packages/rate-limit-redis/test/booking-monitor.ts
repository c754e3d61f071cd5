import { Redis } from "ioredis";

/**
 * The server's own record of every booking: MONITOR shows the ZADD each acquire script run issues, with the
 * score (server TIME in µs) it booked. It relies on nothing the store or its callers report, and on no local
 * timing, so a loaded machine cannot make a budget check pass or fail.
 */
export async function recordBookings(url: string, isLogKey: (key: string) => boolean) {
  const monitorClient = new Redis(url);
  const monitor = await monitorClient.monitor();
  const booked: number[] = [];
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    if (source === "lua" && args[0]?.toLowerCase() === "zadd" && args[1] !== undefined && isLogKey(args[1]))
      booked.push(Number(args[2]));
  });
  return {
    /** Stops recording; answers the booking times (µs, server clock), sorted. */
    async stop(): Promise<number[]> {
      // Let MONITOR deliver the last lines before comparing.
      await monitorClient.ping().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      monitor.disconnect();
      monitorClient.disconnect();
      return booked.sort((a, b) => a - b);
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
