import { TRPCError } from "@trpc/server";
import { and, blocks, conversations, eq, participants, sql, teamMembers, type Database } from "@parley/db";

import type { SQL } from "drizzle-orm";

import type { Viewer } from "../../context";
import { preparedPerDatabase } from "../../lib/prepared-statement";

export type ConversationRow = typeof conversations.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

export interface ConversationAccess {
  conversation: ConversationRow;
  /** The viewer's participant row, when they are (still) a participant. */
  participant: ParticipantRow | null;
  /** Private notes between agents: never for customers, visitors or API keys. */
  seesInternal: boolean;
  /** May post messages (the conversation's state is checked separately). */
  canPost: boolean;
  /** Someone still in the conversation has blocked the viewer, who may then not message them. */
  blockedByParticipant: boolean;
}

/**
 * Who may see a conversation, in one place:
 * - admins see every conversation; agents see support sessions of their teams (or of no
 *   team) and those assigned to them, and rooms they take part in;
 * - customers and visitors see their own sessions and rooms they take part in;
 * - anyone signed in sees public rooms;
 * - API keys with a sessions scope see support sessions, without private notes.
 * Unknown conversations are NOT_FOUND; existing ones the viewer may not see are FORBIDDEN.
 */
export async function readConversationAccess(
  db: Database,
  viewer: Viewer,
  conversationId: string,
): Promise<ConversationAccess> {
  if (viewer.kind === "apiKey") {
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
    if (!conversation) throw new TRPCError({ code: "NOT_FOUND", message: "No such conversation." });
    if (conversation.kind !== "support") throw forbidden();
    return { conversation, participant: null, seesInternal: false, canPost: true, blockedByParticipant: false };
  }

  const [row] = await conversationWithParticipant(db).execute({ conversationId, viewerId: viewer.id });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such conversation." });
  const { conversation, blockedByParticipant } = row;
  const participant = row.participant && !row.participant.leftAt ? row.participant : null;
  const staff = viewer.role === "agent" || viewer.role === "admin";

  if (conversation.kind === "support") {
    if (viewer.role === "customer") {
      if (conversation.customerId !== viewer.id) throw forbidden();
      return { conversation, participant, seesInternal: false, canPost: true, blockedByParticipant };
    }
    if (viewer.role === "admin" || participant || conversation.assignedAgentId === viewer.id) {
      return { conversation, participant, seesInternal: true, canPost: true, blockedByParticipant };
    }
    if (await agentServesTeam(db, viewer.id, conversation.teamId)) {
      return { conversation, participant, seesInternal: true, canPost: true, blockedByParticipant };
    }
    throw forbidden();
  }

  if (participant) return { conversation, participant, seesInternal: false, canPost: true, blockedByParticipant };
  if (conversation.visibility === "public" || (staff && viewer.role === "admin")) {
    // Reading is open; posting needs joining first.
    return { conversation, participant: null, seesInternal: false, canPost: false, blockedByParticipant };
  }
  throw forbidden();
}

/**
 * The common case of "may post a public message here now", as a condition on the
 * conversation row `conversation`, for a send that checks and inserts in one statement:
 * the person is still a participant of an open conversation, nobody still in it has
 * blocked them, and a customer in a support session is its customer. It admits only
 * what `readConversationAccess` admits (every branch of it lets a participant post) and
 * leaves the rest to it: staff posting without being a participant, private notes, and
 * every refusal, which it words. Keep the two together.
 *
 * The person is given as SQL (their id and whether they are a customer), so that one
 * statement can check each message of a batch for its own sender.
 */
export function postsAsParticipant(poster: { id: SQL; isCustomer: SQL }, conversation: SQL): SQL {
  return sql`${conversation}.status not in ('closed', 'archived')
    and exists (
      select 1 from ${participants} poster
      where poster.conversation_id = ${conversation}.id and poster.user_id = ${poster.id} and poster.left_at is null)
    and not exists (
      select 1 from ${blocks} join ${participants} blocker on blocker.user_id = ${blocks.blockerId}
      where ${blocks.blockedId} = ${poster.id} and blocker.conversation_id = ${conversation}.id and blocker.left_at is null)
    and (not ${poster.isCustomer} or ${conversation}.kind <> 'support' or ${conversation}.customer_id = ${poster.id})`;
}

/**
 * The conversation, the viewer's place in it and whether someone in it has blocked the
 * viewer, in one round trip: every send and every subscription starts here, so a second
 * query would be paid on each of them.
 */
const conversationWithParticipant = preparedPerDatabase((db) =>
  db
    .select({
      conversation: conversations,
      participant: participants,
      blockedByParticipant: sql<boolean>`exists (
        select 1 from ${blocks} join ${participants} blocker on blocker.user_id = ${blocks.blockerId}
        where ${blocks.blockedId} = ${sql.placeholder("viewerId")}
          and blocker.conversation_id = ${conversations.id} and blocker.left_at is null)`,
    })
    .from(conversations)
    .leftJoin(
      participants,
      and(eq(participants.conversationId, conversations.id), eq(participants.userId, sql.placeholder("viewerId"))),
    )
    .where(eq(conversations.id, sql.placeholder("conversationId")))
    .prepare("conversation_with_participant"),
);

async function agentServesTeam(db: Database, agentId: string, teamId: string | null): Promise<boolean> {
  if (!teamId) return true; // a session for no team in particular is the whole desk's
  const [membership] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, agentId)));
  return !!membership;
}

function forbidden() {
  return new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this conversation." });
}
