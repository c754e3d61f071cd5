export type { StoreLogger } from "./availability.js";
export {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
} from "./redis-store.js";
export { RedisUnavailableError } from "./unavailable-error.js";
