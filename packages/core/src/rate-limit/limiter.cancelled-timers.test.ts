import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Clock, createFakeClock } from "../clock.js";
import { abortErrorFrom } from "../errors.js";
import { createRateLimiter } from "./limiter.js";

/**
 * A fake clock with Cloudflare Workers' rule for timers: a timer belongs to the request (the async context) that
 * set it, and once that request is finished, its timers never fire, those pending then and any its leftover
 * code sets later; a `sleep` on one never settles. Time moves only when the test moves it.
 */
function requestScopedClock() {
  const time = createFakeClock(0);
  const request = new AsyncLocalStorage<string>();
  const timersOf = new Map<string, Set<() => void>>();
  const finished = new Set<string>();

  const setTimer = (ms: number, callback: () => void): (() => void) => {
    const owner = request.getStore();
    if (owner !== undefined && finished.has(owner)) return () => {};
    const owned = owner === undefined ? undefined : (timersOf.get(owner) ?? new Set());
    if (owner !== undefined && owned) timersOf.set(owner, owned);
    // A cancelled sleep of the underlying clock rejects; here the callback is simply never called.
    const controller = new AbortController();
    const cancel = () => {
      owned?.delete(cancel);
      controller.abort();
    };
    owned?.add(cancel);
    time.sleep(ms, controller.signal).then(
      () => {
        owned?.delete(cancel);
        callback();
      },
      () => {},
    );
    return cancel;
  };

  const clock: Clock = {
    now: () => time.now(),
    setTimer,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(abortErrorFrom(signal));
        const cancel = setTimer(ms, () => resolve());
        signal?.addEventListener("abort", () => {
          cancel();
          reject(abortErrorFrom(signal));
        });
      }),
  };

  return {
    clock,
    advance: (ms: number) => time.advance(ms),
    /** Runs `work` as request `name`: every timer it sets, now or in its continuations, is that request's. */
    run: <T>(name: string, work: () => T): T => request.run(name, work),
    /** The request is over: its timers never fire. */
    finish(name: string) {
      finished.add(name);
      for (const cancel of timersOf.get(name) ?? []) cancel();
      timersOf.delete(name);
    },
  };
}

describe("createRateLimiter under Workers' rule (a finished request's timers are cancelled)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Request A takes a key's budget and waits for one more slot, B queues behind it, A ends: what B got. */
  async function afterTheFirstRequestEnds(options: { timers?: "per-caller" }) {
    const workers = requestScopedClock();
    const limiter = createRateLimiter({ clock: workers.clock, marginMs: 0, ...options });
    const granted: string[] = [];
    const acquire = (name: string) =>
      limiter.acquire({ key: "k", operation: "Stop", limit: 2 }).then(() => {
        granted.push(`${name}@${workers.clock.now()}`);
      });
    const a = workers.run("A", () => Promise.all([acquire("a1"), acquire("a2"), acquire("a3")]));
    workers.run("B", () => [1, 2, 3, 4, 5].map((i) => acquire(`b${i}`)));
    await workers.advance(1000);
    await a;
    workers.finish("A");
    await workers.advance(5000);
    return granted;
  }

  it("timers per caller are the default where the runtime is Cloudflare Workers", async () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    expect(await afterTheFirstRequestEnds({})).toHaveLength(8);
  });

  it("timers per caller are the default in Vercel's Edge Runtime", async () => {
    vi.stubGlobal("EdgeRuntime", "edge-runtime");
    expect(await afterTheFirstRequestEnds({})).toHaveLength(8);
  });

  it("timers per key (the default elsewhere) would stall here: what the Workers default is for", async () => {
    expect((await afterTheFirstRequestEnds({})).length).toBeLessThan(8);
  });

  it("keeps serving a key after the request whose timers drove it has finished", async () => {
    const workers = requestScopedClock();
    const limiter = createRateLimiter({ clock: workers.clock, marginMs: 0, timers: "per-caller" });
    const granted: string[] = [];
    const acquire = (name: string) =>
      limiter.acquire({ key: "k", operation: "Stop", limit: 2 }).then(() => {
        granted.push(`${name}@${workers.clock.now()}`);
      });

    // Request A takes the key's budget and waits for one more slot; request B queues behind it.
    const a = workers.run("A", () => Promise.all([acquire("a1"), acquire("a2"), acquire("a3")]));
    const b = workers.run("B", () => [1, 2, 3, 4, 5].map((i) => acquire(`b${i}`)));
    await workers.advance(1000);
    await a;
    // A has all its answers and ends; Workers cancel whatever timers it left behind.
    workers.finish("A");
    await workers.advance(5000);

    expect(granted).toEqual([
      "a1@0",
      "a2@0",
      "a3@1000",
      "b1@1000",
      "b2@2000",
      "b3@2000",
      "b4@3000",
      "b5@3000",
    ]);
    await Promise.all(b);
  });

  it("a request cancelled while its callers wait cannot stall the callers behind them", async () => {
    const workers = requestScopedClock();
    const limiter = createRateLimiter({ clock: workers.clock, marginMs: 0, timers: "per-caller" });
    const grantedB: number[] = [];
    workers.run("A", () => {
      for (let i = 0; i < 3; i++) void limiter.acquire({ key: "k", operation: "Stop", limit: 1 });
    });
    const b = workers.run("B", () =>
      [1, 2].map(() =>
        limiter.acquire({ key: "k", operation: "Stop", limit: 1 }).then(() => {
          grantedB.push(workers.clock.now());
        }),
      ),
    );
    // A is cancelled (the client went away) with two callers still queued ahead of B's: their timers are gone
    // and nothing of A will ever run again.
    workers.finish("A");
    await workers.advance(10_000);

    // Nobody can tell A's callers are gone, so they still get slots: when B's callers wake at their own turns
    // (3000 and 4000), they serve the queue from its head, A's dead callers first. Then B's.
    expect(grantedB).toEqual([5000, 6000]);
    expect(limiter.queued("k")).toBe(0);
    await Promise.all(b);
  });
});
