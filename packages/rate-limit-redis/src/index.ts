export type { StoreLogger } from "./breaker.js";
export {
  createRedisDedupeStore,
  type DedupeStoreLike,
  type RedisDedupeStore,
  type RedisDedupeStoreOptions,
} from "./dedupe-store.js";
export {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
} from "./redis-store.js";
export { RedisUnavailableError, type UnavailableStore } from "./unavailable-error.js";
