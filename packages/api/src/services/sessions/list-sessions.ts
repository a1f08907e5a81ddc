import { and, conversations, desc, eq, inArray, lt, or, sql, teamMembers, type Database } from "@parley/db";

import type { Viewer } from "../../context";

export interface SessionListQuery {
  status?: "waiting" | "active" | "closed";
  teamId?: string;
  externalRef?: string;
  /** The last session of the previous page; pages go from newest to oldest. */
  cursor?: { createdAt: Date; id: string };
  limit: number;
}

const sessionColumns = {
  id: conversations.id,
  status: conversations.status,
  priority: conversations.priority,
  subject: conversations.subject,
  customerId: conversations.customerId,
  assignedAgentId: conversations.assignedAgentId,
  teamId: conversations.teamId,
  externalRef: conversations.externalRef,
  createdAt: conversations.createdAt,
  assignedAt: conversations.assignedAt,
  closedAt: conversations.closedAt,
};

/**
 * Support sessions the viewer may see: admins and API keys see all; an agent sees the
 * sessions of their teams and those assigned to them; a customer sees only their own.
 */
export async function listSessions(db: Database, viewer: Viewer, query: SessionListQuery) {
  const rows = await db
    .select(sessionColumns)
    .from(conversations)
    .where(
      and(
        eq(conversations.kind, "support"),
        visibleTo(viewer),
        query.status ? eq(conversations.status, query.status) : undefined,
        query.teamId ? eq(conversations.teamId, query.teamId) : undefined,
        query.externalRef ? eq(conversations.externalRef, query.externalRef) : undefined,
        query.cursor
          ? or(
              lt(conversations.createdAt, query.cursor.createdAt),
              and(eq(conversations.createdAt, query.cursor.createdAt), lt(conversations.id, query.cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map((row) => ({ ...row, status: row.status as "waiting" | "active" | "closed" })),
    nextCursor: hasMore && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

function visibleTo(viewer: Viewer) {
  if (viewer.kind === "apiKey" || viewer.role === "admin") return undefined;
  if (viewer.role === "customer") return eq(conversations.customerId, viewer.id);
  const myTeams = sql`(select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.userId} = ${viewer.id})`;
  return or(eq(conversations.assignedAgentId, viewer.id), inArray(conversations.teamId, myTeams));
}
