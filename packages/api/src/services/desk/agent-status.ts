import { agentStatusChanges, desc, eq, sql, users, type Database, type Transaction } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { rowsOf } from "../../lib/query-rows";

type Availability = "online" | "away" | "offline";
type Presence = "online" | "away" | "offline";

/**
 * Records that an agent flipped their desk switch, inside the transaction that flips it.
 * The row carries the connection state too: the one given when the caller knows it
 * (the presence tracker's), else the last one recorded.
 */
export async function recordAvailabilityChange(
  tx: Transaction,
  userId: string,
  availability: Availability,
  presence: Presence | null,
  now: Date,
): Promise<void> {
  const [latest] = presence
    ? []
    : await tx
        .select({ presence: agentStatusChanges.presence })
        .from(agentStatusChanges)
        .where(eq(agentStatusChanges.userId, userId))
        .orderBy(desc(agentStatusChanges.changedAt), desc(agentStatusChanges.id))
        .limit(1);
  await tx.insert(agentStatusChanges).values({
    userId,
    availability,
    presence: presence ?? latest?.presence ?? "offline",
    changedAt: now,
  });
}

/** A staff member's latest recorded change, as a subquery of (id, availability, presence). */
export function latestStatusChange(userId: SQL): SQL {
  return sql`select s.id, s.availability, s.presence from ${agentStatusChanges} s
    where s.user_id = ${userId} order by s.changed_at desc, s.id desc limit 1`;
}

/**
 * Records that a staff member's connection changed (opened Parley, hid every tab, left),
 * with their desk switch as it stands. Customers' comings and goings are not recorded:
 * the statement matches no row for them. With `ifLatestChangeIs`, only while that is still
 * their latest recorded change. True when a row was written.
 */
export async function recordPresenceChange(
  db: Database,
  userId: string,
  presence: Presence,
  now: Date,
  options: { ifLatestChangeIs?: number } = {},
): Promise<boolean> {
  const latestChange = sql`(select latest.id from (${latestStatusChange(sql`${userId}::uuid`)}) as latest)`;
  const written = await rowsOf<{ user_id: string }>(
    db,
    sql`insert into ${agentStatusChanges} (user_id, availability, presence, changed_at)
      select ${users.id}, ${users.availability}, ${presence}::presence_status, ${now.toISOString()}::timestamptz
      from ${users}
      where ${users.id} = ${userId} and ${users.role} in ('agent', 'admin')
        ${options.ifLatestChangeIs === undefined ? sql`` : sql`and ${latestChange} = ${options.ifLatestChangeIs}`}
      returning user_id`,
  );
  return written.length > 0;
}
