export type { StoreLogger } from "./breaker.js";
export {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
} from "./redis-store.js";
export { RedisUnavailableError } from "./unavailable-error.js";
