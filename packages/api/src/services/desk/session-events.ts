import { sessionEvents, type Transaction } from "@parley/db";

type SessionEventRow = typeof sessionEvents.$inferInsert;

/** Whole seconds between two moments, never negative (clocks of different writers may differ). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

/** Appends one step of a session to the reporting ledger, inside the step's own transaction. */
export async function recordSessionEvent(tx: Transaction, event: Omit<SessionEventRow, "id">): Promise<void> {
  await tx.insert(sessionEvents).values(event);
}
