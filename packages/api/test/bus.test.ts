import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

import type { Bus } from "../src/realtime/bus";
import { MemoryBus } from "../src/realtime/memory-bus";
import { RedisBus } from "../src/realtime/redis-bus";

const redisUrl = process.env.REDIS_URL;
const prefix = `parley-test-bus-${process.pid}-${Date.now()}`;
const redisConnections: Redis[] = [];
/** Two buses sharing one Redis stand for two server processes. */
const redisBus = () => {
  const redis = new Redis(redisUrl!);
  redisConnections.push(redis);
  return new RedisBus(redis, prefix);
};

/** One process's bus is both "here" and "elsewhere". */
const memoryBus = (): [Bus, Bus] => {
  const bus = new MemoryBus();
  return [bus, bus];
};

const kinds: Array<[string, () => [Bus, Bus]]> = [["memory", memoryBus]];
if (redisUrl) kinds.push(["redis", () => [redisBus(), redisBus()]]);

afterAll(() => redisConnections.forEach((redis) => redis.disconnect()));

describe.each(kinds)("who listens (%s bus)", (_name, makeBuses) => {
  it("names the channels someone subscribes to, wherever they subscribed, until they stop", async () => {
    const [here, elsewhere] = makeBuses();
    expect(await here.listenedTo([])).toEqual(new Set());
    expect(await here.listenedTo(["user:a", "user:b"])).toEqual(new Set());

    const stopFirst = await elsewhere.subscribe("user:a", () => {});
    const stopSecond = await elsewhere.subscribe("user:a", () => {});
    expect(await here.listenedTo(["user:a", "user:b"])).toEqual(new Set(["user:a"]));

    // One of two listeners leaving leaves the channel listened to.
    stopFirst();
    expect(await here.listenedTo(["user:a", "user:b"])).toEqual(new Set(["user:a"]));
    stopSecond();
    await expect.poll(() => here.listenedTo(["user:a", "user:b"])).toEqual(new Set());

    await here.close();
    await elsewhere.close();
  });
});
