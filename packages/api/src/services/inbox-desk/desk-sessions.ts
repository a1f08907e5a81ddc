import { and, asc, conversations, desc, eq, isNull, messages, not, or, sql, teams, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { containsPattern, sessionsVisibleTo } from "./staff-visibility";

export interface DeskSessionQuery {
  /** mine: my active sessions; team: colleagues' active sessions I may see; closed: closed sessions I may see. */
  view: "mine" | "team" | "closed";
  /** Words from the subject, the customer's name or email, or the external reference. */
  search?: string;
  priority?: "low" | "normal" | "high" | "urgent";
  teamId?: string;
  limit: number;
}

/** Enough of the last message for one line of the list. */
const PREVIEW_LENGTH = 140;

const lastActivityAt = sql<Date>`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;

/**
 * The support sessions of one inbox list, with what the list shows: the customer, the
 * agent, the team and the last message (private notes included: the desk sees them).
 */
export async function listDeskSessions(db: Database, viewer: PersonViewer, query: DeskSessionQuery) {
  const pattern = query.search?.trim() ? containsPattern(query.search.trim()) : null;
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      priority: conversations.priority,
      subject: conversations.subject,
      externalRef: conversations.externalRef,
      teamId: conversations.teamId,
      teamName: teams.name,
      customerId: conversations.customerId,
      customerName: users.name,
      assignedAgentId: conversations.assignedAgentId,
      assignedAgentName: sql<string | null>`(select u.name from ${users} u where u.id = ${conversations.assignedAgentId})`,
      createdAt: conversations.createdAt,
      closedAt: conversations.closedAt,
      lastActivityAt: lastActivityAt.mapWith(conversations.createdAt),
      lastMessageBody: sql<string | null>`(
        select left(m.body, ${PREVIEW_LENGTH}::int) from ${messages} m
        where m.conversation_id = ${conversations.id} and m.deleted_at is null
        order by m.seq desc limit 1
      )`,
    })
    .from(conversations)
    .leftJoin(users, eq(users.id, conversations.customerId))
    .leftJoin(teams, eq(teams.id, conversations.teamId))
    .where(
      and(
        eq(conversations.kind, "support"),
        sessionsVisibleTo(viewer),
        query.view === "mine" ? and(eq(conversations.status, "active"), eq(conversations.assignedAgentId, viewer.id)) : undefined,
        query.view === "team"
          ? and(
              eq(conversations.status, "active"),
              or(not(eq(conversations.assignedAgentId, viewer.id)), isNull(conversations.assignedAgentId)),
            )
          : undefined,
        query.view === "closed" ? eq(conversations.status, "closed") : undefined,
        query.priority ? eq(conversations.priority, query.priority) : undefined,
        query.teamId ? eq(conversations.teamId, query.teamId) : undefined,
        pattern
          ? sql`(${conversations.subject} ilike ${pattern} or ${users.name} ilike ${pattern}
              or ${users.email} ilike ${pattern} or ${conversations.externalRef} ilike ${pattern})`
          : undefined,
      ),
    )
    .orderBy(
      query.view === "closed" ? desc(conversations.closedAt) : desc(lastActivityAt),
      asc(conversations.id),
    )
    .limit(query.limit);

  return rows.map((row) => ({ ...row, status: row.status as "waiting" | "active" | "closed" }));
}
