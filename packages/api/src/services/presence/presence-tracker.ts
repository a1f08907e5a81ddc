import { eq, inArray, users, type Database } from "@parley/db";

import { channels, type Bus } from "../../realtime/bus";
import { recordPresenceChange } from "../desk/agent-status";
import type { ConnectionState, PresenceStatus, PresenceStore } from "../../realtime/presence-store";

/** A socket that is not refreshed for this long counts as gone (a dead process, a lost network). */
export const PRESENCE_TTL_MS = 60_000;
/** How often each process refreshes its live sockets; well inside the time to live. */
export const PRESENCE_REFRESH_MS = 20_000;

export interface PresenceChange {
  userId: string;
  status: PresenceStatus;
  lastSeenAt: Date | null;
}

/**
 * Presence from connections: a user is online while a socket of theirs is open and
 * refreshed, away when every socket says so (a hidden tab), offline otherwise. Each
 * change of a user's overall status is announced on the bus, so every process's
 * watchers hear of it.
 */
export class PresenceTracker {
  constructor(
    private readonly deps: { db: Database; bus: Bus; store: PresenceStore },
  ) {}

  async connected(userId: string, connectionId: string): Promise<void> {
    await this.#change(userId, () => this.deps.store.put(userId, connectionId, "online", PRESENCE_TTL_MS));
  }

  async setState(userId: string, connectionId: string, state: ConnectionState): Promise<void> {
    await this.#change(userId, () => this.deps.store.put(userId, connectionId, state, PRESENCE_TTL_MS));
  }

  async disconnected(userId: string, connectionId: string): Promise<void> {
    await this.#change(userId, () => this.deps.store.remove(userId, connectionId));
  }

  /** Keeps this process's open sockets alive in the store. */
  async refresh(connections: Array<{ userId: string; connectionId: string; state: ConnectionState }>): Promise<void> {
    await Promise.all(
      connections.map((c) => this.deps.store.put(c.userId, c.connectionId, c.state, PRESENCE_TTL_MS)),
    );
  }

  async statusOf(userIds: string[]): Promise<PresenceChange[]> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return [];
    const [statuses, rows] = await Promise.all([
      this.deps.store.statusOf(unique),
      this.deps.db.select({ id: users.id, lastSeenAt: users.lastSeenAt }).from(users).where(inArray(users.id, unique)),
    ]);
    const lastSeen = new Map(rows.map((row) => [row.id, row.lastSeenAt]));
    return unique.map((userId) => ({
      userId,
      status: statuses.get(userId) ?? "offline",
      lastSeenAt: lastSeen.get(userId) ?? null,
    }));
  }

  async #change(userId: string, apply: () => Promise<void>): Promise<void> {
    const before = (await this.deps.store.statusOf([userId])).get(userId);
    await apply();
    const after = (await this.deps.store.statusOf([userId])).get(userId) ?? "offline";
    if (before === after) return;

    let lastSeenAt: Date | null = null;
    if (after === "offline") {
      lastSeenAt = new Date();
      await this.deps.db.update(users).set({ lastSeenAt }).where(eq(users.id, userId));
    }
    // Staff comings and goings are kept for reporting (time online).
    await recordPresenceChange(this.deps.db, userId, after, lastSeenAt ?? new Date());
    const change: PresenceChange = { userId, status: after, lastSeenAt };
    await this.deps.bus.publish(channels.presence(), change);
  }
}
