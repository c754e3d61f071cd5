/**
 * `pause(key, ms)` as one server-side step: the pause ends `ms` after the server's `TIME`; an existing
 * pause that ends later is kept (two processes reporting throttles never shorten each other's pause).
 *
 * KEYS[1]  pause key (string: pause end in µs, server clock)
 * ARGV[1]  pause length in ms
 *
 * Answer: the pause end in µs that is now in force.
 */
export const PAUSE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local ms = math.ceil(tonumber(ARGV[1]))
if ms <= 0 then return 0 end
local wanted = now + ms * 1000
local current = tonumber(redis.call('GET', KEYS[1]))
if current and current >= wanted then return current end
redis.call('SET', KEYS[1], string.format('%.0f', wanted), 'PX', string.format('%.0f', ms))
return wanted
`;
