/**
 * The two re-datings of a booking (see core's `Booking`), each ONE server-side step on the booking's log, on the
 * server's clock like the acquire script. A booking is moved only while it is still in the log (ZADD XX): one
 * trimmed away no longer holds a slot, and adding it back could book more than the limit.
 *
 * KEYS[1]  sliding log (sorted set, score = booking time in µs, server clock)
 * ARGV[1]  the booking's member id
 * ARGV[2]  window in ms
 *
 * After a move the log lives at least a window longer, so the moved booking is not dropped with the key before
 * it leaves the window.
 */
const PRELUDE = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window_ms = tonumber(ARGV[2])
local score = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]))
local function move_to(at)
  redis.call('ZADD', KEYS[1], 'XX', string.format('%.0f', at), ARGV[1])
  local keep = math.ceil(window_ms + (at - now) / 1000)
  if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], string.format('%.0f', keep)) end
end
`;

/**
 * `markSent()`: a booking still in its window moves to the server's now. Answer: 1, or 0 when the booking no
 * longer counts (it left the window, or the log lost it), so the sender books again.
 */
export const MARK_SENT_SCRIPT = `${PRELUDE}
if not score or score <= now - window_ms * 1000 then return 0 end
if now > score then move_to(now) end
return 1
`;

/**
 * `markAnswered(at)`: the request reached the server at `at` at the latest.
 * ARGV[3]  `at` in µs on the server's clock (never later than the server's now: a bad estimate cannot date a
 *          booking into the future and hold its slot past the window).
 * A booking dated earlier moves to `at`, never back. Answer: 1 if it moved, else 0.
 */
export const MARK_ANSWERED_SCRIPT = `${PRELUDE}
local at = math.min(tonumber(ARGV[3]), now)
if not score or at <= score then return 0 end
move_to(at)
return 1
`;
