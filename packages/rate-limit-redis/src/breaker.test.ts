import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Breaker } from "./breaker.js";

/** A command that answers only when told to. */
function pending<T>() {
  let answer: (value: T) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

function setup(probe: (key: string) => Promise<unknown> = async () => 1) {
  const lines: string[] = [];
  const probed: string[] = [];
  const breaker = new Breaker({
    logger: { warn: (l) => lines.push(`warn ${l}`), info: (l) => lines.push(`info ${l}`) },
    fallback: "rate limits use a local budget",
    recovery: "rate limits use the shared budget again",
    timeoutMs: 500,
    probe: (key) => {
      probed.push(key);
      return probe(key);
    },
  });
  return { breaker, lines, probed };
}

beforeEach(() => {
  // setImmediate stays real: the breaker checks the answer's I/O turn with it after a timeout.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
const ioTurn = () => new Promise((resolve) => setImmediate(resolve));
afterEach(() => {
  vi.useRealTimers();
});

describe("Breaker", () => {
  it("passes answers through while Redis answers in time", async () => {
    const { breaker, lines } = setup();
    await expect(breaker.run(async () => 42, "k")).resolves.toEqual({ ok: true, value: 42 });
    expect(breaker.isOpen).toBe(false);
    expect(lines).toEqual([]);
  });

  it("opens on the first command that times out, and every command in flight gets the outage with it", async () => {
    const { breaker, lines } = setup();
    const frozen = [pending<number>(), pending<number>(), pending<number>()];
    const first = breaker.run(() => frozen[0]!.promise, "k1");
    await vi.advanceTimersByTimeAsync(300);
    const later = [breaker.run(() => frozen[1]!.promise, "k2"), breaker.run(() => frozen[2]!.promise, "k3")];
    await vi.advanceTimersByTimeAsync(200); // the first command's 500 ms are up; the others had 200
    await ioTurn();
    expect(await first).toEqual({ ok: false, cause: "no answer within 500 ms", error: expect.any(Error) });
    expect(await Promise.all(later)).toEqual([
      { ok: false, cause: "no answer within 500 ms" },
      { ok: false, cause: "no answer within 500 ms" },
    ]);
    expect(lines).toEqual([
      "warn [@voicetask/rate-limit-redis] Redis is unreachable (no answer within 500 ms); rate limits use a local budget until it is back.",
    ]);
  });

  it("while open, answers the outage at once without running the command, and probes the failed key until it answers", async () => {
    let probes = 0;
    const { breaker, lines, probed } = setup(async () => {
      if (++probes < 3)
        throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:6379"), { code: "ECONNREFUSED" });
      return 1;
    });
    await breaker.run(() => Promise.reject(new Error("Connection is closed.")), "voicetask:rl:{abc}:log");
    let ran = false;
    const outcome = await breaker.run(async () => {
      ran = true;
    }, "other");
    expect(outcome).toEqual({ ok: false, cause: "not connected" });
    expect(ran).toBe(false);
    await vi.advanceTimersByTimeAsync(100 + 200 + 400);
    expect(probed).toEqual(["voicetask:rl:{abc}:log", "voicetask:rl:{abc}:log", "voicetask:rl:{abc}:log"]);
    expect(breaker.isOpen).toBe(false);
    expect(lines).toEqual([
      "warn [@voicetask/rate-limit-redis] Redis is unreachable (not connected); rate limits use a local budget until it is back.",
      "info [@voicetask/rate-limit-redis] Redis is reachable again; rate limits use the shared budget again.",
    ]);
    await expect(breaker.run(async () => 7, "k")).resolves.toEqual({ ok: true, value: 7 });
  });

  it("close() ends the probes and the timeouts at once: no timer is left", async () => {
    const { breaker } = setup(() => new Promise(() => {}));
    const hanging = breaker.run(() => new Promise(() => {}), "k1");
    await vi.advanceTimersByTimeAsync(500);
    await ioTurn(); // opens; a probe is scheduled
    await vi.advanceTimersByTimeAsync(100); // the probe is in flight, with its own timeout
    const inFlight = breaker.run(() => new Promise(() => {}), "k2"); // open: answered at once
    expect(vi.getTimerCount()).toBe(1);
    breaker.close();
    expect(vi.getTimerCount()).toBe(0);
    expect((await hanging).ok).toBe(false);
    expect(await inFlight).toEqual({ ok: false, cause: "no answer within 500 ms" });
    expect(await breaker.run(async () => 1, "k")).toEqual({ ok: false, cause: "the store is closed" });
  });
});

describe("Breaker.probeNow", () => {
  it("probes at once when the client is connected again, instead of at the next probe's time", async () => {
    const { breaker, lines, probed } = setup();
    await breaker.run(() => Promise.reject(new Error("Connection is closed.")), "k");
    breaker.probeNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(probed).toEqual(["k"]);
    expect(breaker.isOpen).toBe(false);
    expect(lines[1]).toMatch(/reachable again/);
    expect(vi.getTimerCount()).toBe(0);
  });
});
