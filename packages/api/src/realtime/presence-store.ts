import type { Redis } from "ioredis";

export type ConnectionState = "online" | "away";
export type PresenceStatus = "online" | "away" | "offline";

/**
 * Which connections each user has open, across every server process. A connection that
 * is not refreshed within the time to live counts as gone, so a crashed process's users
 * drop offline by themselves.
 */
export interface PresenceStore {
  put(userId: string, connectionId: string, state: ConnectionState, ttlMs: number): Promise<void>;
  remove(userId: string, connectionId: string): Promise<void>;
  statusOf(userIds: string[]): Promise<Map<string, PresenceStatus>>;
}

/** Online while any connection is online; away while all are away; offline with none. */
export function aggregate(states: ConnectionState[]): PresenceStatus {
  if (states.length === 0) return "offline";
  return states.includes("online") ? "online" : "away";
}

export class MemoryPresenceStore implements PresenceStore {
  readonly #connections = new Map<string, Map<string, { state: ConnectionState; expiresAt: number }>>();

  async put(userId: string, connectionId: string, state: ConnectionState, ttlMs: number) {
    let connections = this.#connections.get(userId);
    if (!connections) this.#connections.set(userId, (connections = new Map()));
    connections.set(connectionId, { state, expiresAt: Date.now() + ttlMs });
  }

  async remove(userId: string, connectionId: string) {
    const connections = this.#connections.get(userId);
    connections?.delete(connectionId);
    if (connections?.size === 0) this.#connections.delete(userId);
  }

  async statusOf(userIds: string[]) {
    const now = Date.now();
    return new Map(
      userIds.map((userId) => {
        const live = [...(this.#connections.get(userId)?.values() ?? [])].filter((c) => c.expiresAt > now);
        return [userId, aggregate(live.map((c) => c.state))] as const;
      }),
    );
  }
}

/**
 * Per user, a sorted set of connection ids scored by expiry, and a hash of their states.
 * Expired members are trimmed whenever the user is looked at.
 */
export class RedisPresenceStore implements PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  #keys(userId: string) {
    return { expiries: `${this.prefix}:presence:${userId}`, states: `${this.prefix}:presence-state:${userId}` };
  }

  async put(userId: string, connectionId: string, state: ConnectionState, ttlMs: number) {
    const { expiries, states } = this.#keys(userId);
    const keepKeysMs = ttlMs * 2;
    await this.redis
      .multi()
      .zadd(expiries, Date.now() + ttlMs, connectionId)
      .hset(states, connectionId, state)
      .pexpire(expiries, keepKeysMs)
      .pexpire(states, keepKeysMs)
      .exec();
  }

  async remove(userId: string, connectionId: string) {
    const { expiries, states } = this.#keys(userId);
    await this.redis.multi().zrem(expiries, connectionId).hdel(states, connectionId).exec();
  }

  async statusOf(userIds: string[]) {
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) {
      const { expiries, states } = this.#keys(userId);
      pipeline.zremrangebyscore(expiries, "-inf", String(now));
      pipeline.zrange(expiries, "0", "-1");
      pipeline.hgetall(states);
    }
    const results = (await pipeline.exec()) ?? [];
    return new Map(
      userIds.map((userId, index) => {
        const live = (results[index * 3 + 1]?.[1] as string[] | undefined) ?? [];
        const states = (results[index * 3 + 2]?.[1] as Record<string, ConnectionState> | undefined) ?? {};
        return [userId, aggregate(live.map((connectionId) => states[connectionId] ?? "online"))] as const;
      }),
    );
  }
}
