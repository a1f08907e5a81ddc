import { TRPCError } from "@trpc/server";
import { and, blocks, conversations, csatResponses, desc, eq, sql, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { sessionsVisibleTo } from "./staff-visibility";

/** The customer's earlier sessions shown beside a conversation. */
const PAST_SESSIONS_LIMIT = 20;

/**
 * Who the agent is talking to, for the panel beside a support session: the customer's
 * name and email, their sessions (only those the agent may see), the ratings they gave,
 * and whether the agent has blocked them.
 */
export async function readCustomerProfile(db: Database, viewer: PersonViewer, conversationId: string) {
  const { conversation } = await readConversationAccess(db, viewer, conversationId);
  if (conversation.kind !== "support") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Only support sessions have a customer." });
  }
  if (!conversation.customerId) {
    throw new TRPCError({ code: "NOT_FOUND", message: "This session's customer no longer exists." });
  }
  const customerId = conversation.customerId;

  const [[customer], sessions, [block]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        isVisitor: users.isVisitor,
        createdAt: users.createdAt,
        lastSeenAt: users.lastSeenAt,
      })
      .from(users)
      .where(eq(users.id, customerId)),
    db
      .select({
        id: conversations.id,
        subject: conversations.subject,
        status: conversations.status,
        externalRef: conversations.externalRef,
        createdAt: conversations.createdAt,
        closedAt: conversations.closedAt,
        agentName: sql<string | null>`(select u.name from ${users} u where u.id = ${conversations.assignedAgentId})`,
        rating: csatResponses.rating,
        ratingComment: csatResponses.comment,
        ratedAt: csatResponses.createdAt,
      })
      .from(conversations)
      .leftJoin(csatResponses, eq(csatResponses.conversationId, conversations.id))
      .where(and(eq(conversations.kind, "support"), eq(conversations.customerId, customerId), sessionsVisibleTo(viewer)))
      .orderBy(desc(conversations.createdAt), desc(conversations.id))
      .limit(PAST_SESSIONS_LIMIT),
    db
      .select({ blockedAt: blocks.createdAt })
      .from(blocks)
      .where(and(eq(blocks.blockerId, viewer.id), eq(blocks.blockedId, customerId))),
  ]);
  if (!customer) throw new TRPCError({ code: "NOT_FOUND", message: "This session's customer no longer exists." });

  const ratings = sessions
    .filter((session) => session.rating !== null)
    .map((session) => ({
      conversationId: session.id,
      subject: session.subject,
      agentName: session.agentName,
      rating: session.rating!,
      comment: session.ratingComment,
      createdAt: session.ratedAt!,
    }));
  return {
    customer,
    blockedByViewer: !!block,
    externalRef: conversation.externalRef,
    pastSessions: sessions.map(({ ratingComment: _comment, ratedAt: _ratedAt, ...session }) => ({
      ...session,
      status: session.status as "waiting" | "active" | "closed",
    })),
    csat: {
      count: ratings.length,
      average: ratings.length ? Math.round((ratings.reduce((sum, entry) => sum + entry.rating, 0) / ratings.length) * 10) / 10 : null,
      ratings,
    },
  };
}
