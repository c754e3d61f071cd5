/**
 * A process that uses a store, then closes it and has nothing else to do: it should exit at once. Prints
 * "closing" just before `close()`. argv: <redis url | "none"> <"local" | "fail">; "none" makes no store at all
 * (the floor: a process that prints and exits). Run with `node --import tsx`; the parent measures from
 * "closing" to the exit.
 */
import { createRedisRateLimitStore } from "../src/index.js";

const [url = "none", mode = "local"] = process.argv.slice(2);
if (url === "none") process.stdout.write("closing\n");
else {
  const store = createRedisRateLimitStore({
    url,
    onUnavailable: mode === "fail" ? "fail" : "local",
    logger: { warn: () => {} },
  });
  for (let i = 0; i < 3; i++) await Promise.resolve(store.tryAcquire(`close-${i}`, 5, 1000)).catch(() => {});
  process.stdout.write("closing\n");
  await store.close();
}
