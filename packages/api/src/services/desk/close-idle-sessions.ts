import { TRPCError } from "@trpc/server";
import { and, conversations, eq, sql } from "@parley/db";

import type { ServerDependencies } from "../../context";
import { closeSession } from "./close-session";

/**
 * Closes active sessions without a message for `idleMs`, a batch at a time: the ones a
 * customer walked away from. Returns how many it closed.
 */
export async function closeIdleSessions(
  deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">,
  idleMs: number,
  now: Date,
  batchSize = 100,
): Promise<number> {
  const cutoff = new Date(now.getTime() - idleMs);
  const idle = await deps.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.kind, "support"),
        eq(conversations.status, "active"),
        sql`coalesce(${conversations.lastMessageAt}, ${conversations.assignedAt}, ${conversations.createdAt}) < ${cutoff.toISOString()}::timestamptz`,
      ),
    )
    .limit(batchSize);
  let closed = 0;
  for (const { id } of idle) {
    try {
      await closeSession(deps, null, { sessionId: id, reason: "idle" }, now);
      closed++;
    } catch (error) {
      // Closed by someone else in the meantime: nothing left to do for this one.
      if (!(error instanceof TRPCError && error.code === "PRECONDITION_FAILED")) throw error;
    }
  }
  return closed;
}
