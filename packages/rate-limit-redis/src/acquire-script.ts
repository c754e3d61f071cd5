/**
 * The whole `tryAcquire` as ONE server-side step: check the pause, trim the sliding log, count, book.
 * Runs atomically in Redis, so processes sharing the key can never book more than `limit` slots per window.
 *
 * KEYS[1]  sliding log: sorted set, score = booking time in µs (server clock), member = unique booking id
 * KEYS[2]  pause: string holding the pause end in µs (server clock), expiring with the pause
 * ARGV[1]  limit (slots per window, >= 1)
 * ARGV[2]  window in ms
 * ARGV[3]  unique booking id (member of the sorted set)
 *
 * Answer: { granted (1|0), retryAfterMs, serverTimeUs }.
 *
 * Times are integers in µs from `TIME`, the server's clock, so the hosts' clocks never matter. Numbers are
 * passed back to Redis through `string.format('%.0f')`: Lua would otherwise print 16-digit numbers as
 * "1.7e+15" and lose precision.
 */
export const ACQUIRE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local limit = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local window = window_ms * 1000

local paused_until = tonumber(redis.call('GET', KEYS[2]))
if paused_until and paused_until > now then
  return { 0, math.ceil((paused_until - now) / 1000), now }
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now - window))
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], string.format('%.0f', now), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.ceil(window_ms)))
  return { 1, 0, now }
end

-- Full: the slot that frees first is the one that leaves the window when only limit - 1 newer ones remain.
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
local freed_at = tonumber(oldest[2]) + window
return { 0, math.max(1, math.ceil((freed_at - now) / 1000)), now }
`;
