import { TRPCError } from "@trpc/server";
import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

/** Budgets per key. Tuned for people; integrations that need more get their own keys. */
const LIMITS = {
  /** Wrong or right, sign-in attempts from one address. */
  signInPerIp: { points: 20, duration: 60 },
  /** Attempts on one account from anywhere: slows password guessing across addresses. */
  signInPerAccount: { points: 10, duration: 300 },
  signUpPerIp: { points: 10, duration: 3600 },
  visitorsPerIp: { points: 30, duration: 3600 },
  messagesPerUser: { points: 120, duration: 60 },
  messagesPerIp: { points: 600, duration: 60 },
} satisfies Record<string, IRateLimiterOptions>;

export type RateLimitName = keyof typeof LIMITS;

export interface RateLimits {
  /** Spends one point of `name` for `key`; throws TOO_MANY_REQUESTS once the budget is gone. */
  consume(name: RateLimitName, key: string): Promise<void>;
  /** Gives the budget back, e.g. after a successful sign-in. */
  reset(name: RateLimitName, key: string): Promise<void>;
}

/**
 * Rate limits backed by Redis when there is one, so every server process shares the
 * same budgets; in memory otherwise.
 */
export function createRateLimits(
  redis: Redis | null,
  keyPrefix = "parley:rl",
  overrides: Partial<Record<RateLimitName, { points: number; duration: number }>> = {},
): RateLimits {
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  const limits = { ...LIMITS, ...overrides };
  for (const [name, options] of Object.entries(limits) as Array<[RateLimitName, IRateLimiterOptions]>) {
    const config = { ...options, keyPrefix: `${keyPrefix}:${name}` };
    limiters.set(name, redis ? new RateLimiterRedis({ ...config, storeClient: redis, useRedisPackage: false }) : new RateLimiterMemory(config));
  }

  return {
    async consume(name, key) {
      try {
        await limiters.get(name)!.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed: a real error
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
          cause: new RetryAfter(retryAfterSeconds),
        });
      }
    },
    async reset(name, key) {
      await limiters.get(name)!.delete(key);
    },
  };
}

/** Carried as the cause of a TOO_MANY_REQUESTS error so the response can say when to retry. */
export class RetryAfter extends Error {
  constructor(readonly seconds: number) {
    super(`retry after ${seconds} s`);
  }
}
