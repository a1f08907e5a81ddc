import { agentStatusChanges, desc, eq, sql, users, type Database, type Transaction } from "@parley/db";

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

/**
 * Records that a staff member's connection changed (opened Parley, hid every tab, left),
 * with their desk switch as it stands. Customers' comings and goings are not recorded:
 * the statement matches no row for them.
 */
export async function recordPresenceChange(db: Database, userId: string, presence: Presence, now: Date): Promise<void> {
  await db.execute(sql`
    insert into ${agentStatusChanges} (user_id, availability, presence, changed_at)
    select ${users.id}, ${users.availability}, ${presence}::presence_status, ${now.toISOString()}::timestamptz
    from ${users}
    where ${users.id} = ${userId} and ${users.role} in ('agent', 'admin')`);
}
