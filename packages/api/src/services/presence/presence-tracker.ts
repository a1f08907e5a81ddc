import { eq, inArray, sql, users, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { channels, type Bus } from "../../realtime/bus";
import { latestStatusChange, recordPresenceChange } from "../desk/agent-status";
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

  /**
   * Records as gone the staff whose connections vanished without a goodbye. A server
   * process that crashed or was killed closes no socket: its users' entries expire from
   * the shared store (or, in memory, went with it), but nothing records that they left,
   * and the live panel, time online and the desk would count them online for good. Run
   * on a timer. Someone who came back meanwhile wins: the offline row goes in only while
   * their latest recorded change is still the one read here. Returns who was settled.
   */
  async settleVanished(now: Date): Promise<string[]> {
    const recorded = await rowsOf<{ user_id: string; latest_id: number }>(
      this.deps.db,
      sql`select u.id as user_id, latest.id as latest_id
        from users u
        cross join lateral (${latestStatusChange(sql`u.id`)}) as latest
        where u.role in ('agent', 'admin') and latest.presence <> 'offline'`,
    );
    if (!recorded.length) return [];
    const statuses = await this.deps.store.statusOf(recorded.map((row) => row.user_id));
    const settled: string[] = [];
    for (const { user_id: userId, latest_id: latestId } of recorded) {
      if ((statuses.get(userId) ?? "offline") !== "offline") continue;
      if (!(await recordPresenceChange(this.deps.db, userId, "offline", now, { ifLatestChangeIs: latestId }))) continue;
      settled.push(userId);
      await this.#announce(userId, "offline", now);
    }
    return settled;
  }

  async #change(userId: string, apply: () => Promise<void>): Promise<void> {
    const before = (await this.deps.store.statusOf([userId])).get(userId);
    await apply();
    const after = (await this.deps.store.statusOf([userId])).get(userId) ?? "offline";
    if (before === after) return;
    const now = new Date();
    // Staff comings and goings are kept for reporting (time online).
    await recordPresenceChange(this.deps.db, userId, after, now);
    await this.#announce(userId, after, now);
  }

  /** Tells every process's watchers of a new overall status; someone gone is stamped last seen. */
  async #announce(userId: string, status: PresenceStatus, at: Date): Promise<void> {
    const lastSeenAt = status === "offline" ? at : null;
    if (lastSeenAt) await this.deps.db.update(users).set({ lastSeenAt }).where(eq(users.id, userId));
    const change: PresenceChange = { userId, status, lastSeenAt };
    await this.deps.bus.publish(channels.presence(), change);
  }
}
