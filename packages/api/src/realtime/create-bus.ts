import type { Redis } from "ioredis";

import type { Bus } from "./bus";
import { MemoryBus } from "./memory-bus";
import { RedisBus } from "./redis-bus";

/** Redis pub/sub when there is a Redis (several processes act as one), in-process otherwise. */
export function createBus(redis: Redis | null, keyPrefix: string): Bus {
  return redis ? new RedisBus(redis, keyPrefix) : new MemoryBus();
}
