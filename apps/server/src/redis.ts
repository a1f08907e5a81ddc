import { Redis } from "ioredis";

import type { Logger } from "./logger";

/**
 * The shared Redis connection when REDIS_URL is set. Commands fail fast while Redis is
 * down instead of queueing, so health checks and callers see the outage at once.
 */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: "parley-server",
  });
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  // Start only once Redis answers: realtime and rate limits depend on it from the first request.
  await redis.connect();
  return redis;
}

export async function pingRedis(redis: Redis): Promise<number> {
  const started = performance.now();
  await redis.ping();
  return performance.now() - started;
}
