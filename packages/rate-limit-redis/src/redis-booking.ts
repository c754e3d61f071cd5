import type { Booking } from "@voicetask/core";
import { MARK_ANSWERED_SCRIPT, MARK_SENT_SCRIPT } from "./booking-scripts.js";
import type { GuardedRedis } from "./guarded-redis.js";
import { defineScript } from "./run-script.js";

const markSentScript = defineScript(MARK_SENT_SCRIPT);
const markAnsweredScript = defineScript(MARK_ANSWERED_SCRIPT);

/** What the store knows of one slot it booked in Redis. */
export interface RedisBookingOptions {
  redis: GuardedRedis;
  /** The sliding log holding it, and its member id there. */
  log: string;
  member: string;
  windowMs: number;
  /** The server's TIME (µs) when it was booked, and this process's clock (epoch ms) when that answer came. */
  serverTimeUs: number;
  localTimeMs: number;
  /** This process's clock, and its time (epoch ms) just before the acquisition was asked for. */
  localNow: () => number;
  askedAtMs: number;
}

/**
 * A slot booked in Redis, re-dated on the server (see `booking-scripts.ts`). While Redis is away neither re-dating
 * happens: the sender then goes on with the slot as booked, which is all a local budget could offer, and nothing
 * is thrown at it.
 */
export function redisBooking(o: RedisBookingOptions): Booking {
  // The sender's times are on this process's clock; the server's may differ. Measured when the grant's answer
  // arrived (after the server read its TIME), the offset errs early by the trip back: a time converted with it
  // is never later than the true one.
  const offsetMs = o.serverTimeUs / 1000 - o.localTimeMs;
  return {
    markSent() {
      const moved = o.redis.run(
        (client) => markSentScript.run(client, [o.log], [o.member, o.windowMs]),
        o.log,
      );
      // Booked after it was asked for, a booking cannot have left its window within half a window of the ask (the
      // half covers clocks that drift): then the move goes out, in order with what this store sends next, without
      // holding the request back a round trip. An older one waits for the server's word.
      if (o.localNow() - o.askedAtMs < o.windowMs / 2) {
        moved.catch(() => {});
        return true;
      }
      return moved.then((outcome) => !outcome.ok || outcome.value === 1);
    },
    markAnswered(at) {
      const atUs = Math.round((at + offsetMs) * 1000);
      if (!Number.isFinite(atUs)) return;
      // Fire and forget: the answer is in hand already, and a lost re-dating only leaves the slot as it was.
      void o.redis
        .run((client) => markAnsweredScript.run(client, [o.log], [o.member, o.windowMs, atUs]), o.log)
        .catch(() => {});
    },
  };
}
