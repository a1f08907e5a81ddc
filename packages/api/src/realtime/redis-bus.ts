import type { Redis } from "ioredis";
import superjson from "superjson";

import type { Bus } from "./bus";
import { MemoryBus } from "./memory-bus";

/**
 * Redis pub/sub between server processes. One subscriber connection per process carries
 * every channel this process listens to; local listeners are fanned out from it by an
 * in-process bus, so a thousand sockets on one conversation cost one Redis subscription.
 * Events are encoded with superjson so dates survive the trip.
 */
export class RedisBus implements Bus {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #local = new MemoryBus();
  /** Per channel: how many local subscriptions, and the Redis subscription they share. */
  readonly #shared = new Map<string, { count: number; ready: Promise<unknown> }>();

  constructor(redis: Redis, prefix: string) {
    this.#publisher = redis;
    // Subscriptions made while it (re)connects are queued and replayed, not refused.
    this.#subscriber = redis.duplicate({ enableOfflineQueue: true, connectionName: "parley-bus" });
    this.#prefix = `${prefix}:bus:`;
    this.#subscriber.on("message", (redisChannel: string, payload: string) => {
      const channel = redisChannel.slice(this.#prefix.length);
      void this.#local.publish(channel, superjson.parse(payload));
    });
  }

  async publish(channel: string, event: unknown): Promise<void> {
    await this.#publisher.publish(this.#prefix + channel, superjson.stringify(event));
  }

  async subscribe(channel: string, listener: (event: unknown) => void): Promise<() => void> {
    const unsubscribeLocal = await this.#local.subscribe(channel, listener);
    let shared = this.#shared.get(channel);
    if (shared) shared.count++;
    else this.#shared.set(channel, (shared = { count: 1, ready: this.#subscriber.subscribe(this.#prefix + channel) }));
    // Whoever subscribes second still waits for Redis to confirm the first subscription.
    await shared.ready;

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      unsubscribeLocal();
      if (--shared.count > 0) return;
      this.#shared.delete(channel);
      void this.#subscriber.unsubscribe(this.#prefix + channel).catch(() => {});
    };
  }

  /** Redis counts every process's subscriptions: one `PUBSUB NUMSUB` for all the channels. */
  async listenedTo(channels: readonly string[]): Promise<Set<string>> {
    if (!channels.length) return new Set();
    const counts = (await this.#publisher.pubsub("NUMSUB", ...channels.map((channel) => this.#prefix + channel))) as (string | number)[];
    return new Set(channels.filter((_, index) => Number(counts[index * 2 + 1]) > 0));
  }

  async close(): Promise<void> {
    await this.#local.close();
    this.#subscriber.disconnect();
  }
}
