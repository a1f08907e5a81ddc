/**
 * Realtime fan-out between the parts of Parley that produce events (services) and the
 * sockets that deliver them. In-process by default; over Redis pub/sub when several
 * server processes must deliver to each other's sockets.
 */
export interface Bus {
  publish(channel: string, event: unknown): Promise<void>;
  /**
   * Calls `listener` for every event published on `channel` from now on. Resolves once
   * the subscription is in place, so a caller can subscribe first and then read what
   * happened before without a gap. Returns the unsubscribe function.
   */
  subscribe(channel: string, listener: (event: unknown) => void): Promise<() => void>;
  /**
   * Those of `channels` that someone listens to now, in this process or (over Redis) any
   * other: an event that takes work to make can be left unmade where nobody would hear it.
   * A subscription that starts after this answer reads its snapshot after it too.
   */
  listenedTo(channels: readonly string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

/** The channels events travel on. */
export const channels = {
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  user: (userId: string) => `user:${userId}`,
  queue: () => "queue",
  presence: () => "presence",
  /** Instructions to every server process, e.g. close a disabled user's sockets. */
  control: () => "control",
} as const;
