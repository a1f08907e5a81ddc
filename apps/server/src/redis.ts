import { Redis } from "ioredis";

import type { Logger } from "./logger";

/**
 * The shared Redis connection when REDIS_URL is set. Commands fail fast while Redis is
 * down instead of queueing, so health checks and callers see the outage at once.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: "parley-server",
  });
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  return redis;
}

export async function pingRedis(redis: Redis): Promise<number> {
  const started = performance.now();
  await redis.ping();
  return performance.now() - started;
}
