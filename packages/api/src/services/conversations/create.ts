import { TRPCError } from "@trpc/server";
import { and, blocks, conversations, eq, inArray, or, participants, sql, teams, users, type Database } from "@parley/db";

import type { PersonViewer, ServerDependencies } from "../../context";
import { recordSessionEvent } from "../desk/session-events";
import { announceConversationAdded } from "../inbox/announce-added";

export const ROOM_MIN_PARTICIPANTS = 2;
export const ROOM_MAX_PARTICIPANTS = 50;

/** A customer's (or visitor's) new support session: it waits in the queue for an agent. */
export async function startSupportSession(
  db: Database,
  customer: PersonViewer,
  input: { subject: string; teamId?: string; priority?: "low" | "normal" | "high" | "urgent"; externalRef?: string },
  now = new Date(),
) {
  if (input.teamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw new TRPCError({ code: "NOT_FOUND", message: "No such team." });
  }
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(conversations)
      .values({
        kind: "support",
        status: "waiting",
        subject: input.subject,
        priority: input.priority ?? "normal",
        teamId: input.teamId ?? null,
        externalRef: input.externalRef ?? null,
        customerId: customer.id,
        createdById: customer.id,
        createdAt: now,
        queuedAt: now,
      })
      .returning();
    await tx.insert(participants).values({ conversationId: session!.id, userId: customer.id, role: "customer", joinedAt: now });
    await recordSessionEvent(tx, { conversationId: session!.id, type: "created", occurredAt: now, actorId: customer.id, teamId: session!.teamId });
    return session!;
  });
}

/** The one direct conversation between two people, made on first use (and then in both inboxes). */
export async function openDirectConversation(
  deps: Pick<ServerDependencies, "db" | "bus">,
  viewer: PersonViewer,
  otherUserId: string,
) {
  const { db } = deps;
  if (otherUserId === viewer.id) throw new TRPCError({ code: "BAD_REQUEST", message: "Pick someone other than yourself." });
  const [other] = await db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, otherUserId));
  if (!other || other.disabledAt) throw new TRPCError({ code: "NOT_FOUND", message: "No such person." });
  await assertNoBlockBetween(db, viewer.id, [otherUserId]);

  const [existing] = await db
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(participants, eq(participants.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.kind, "direct"),
        eq(participants.userId, viewer.id),
        sql`exists (select 1 from ${participants} p2 where p2.conversation_id = ${conversations.id} and p2.user_id = ${otherUserId})`,
      ),
    )
    .limit(1);
  if (existing) return existing.conversation;

  const created = await db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({ kind: "direct", status: "open", createdById: viewer.id })
      .returning();
    await tx.insert(participants).values([
      { conversationId: conversation!.id, userId: viewer.id, role: "member" },
      { conversationId: conversation!.id, userId: otherUserId, role: "member" },
    ]);
    return conversation!;
  });
  await announceConversationAdded(deps, created, [
    { userId: viewer.id, reason: "opened" },
    { userId: otherUserId, reason: "added" },
  ]);
  return created;
}

/** A group room with its creator as owner and 2 to 50 participants in all, each told in their inbox. */
export async function createRoom(
  deps: Pick<ServerDependencies, "db" | "bus">,
  viewer: PersonViewer,
  input: { name: string; visibility: "public" | "private"; memberIds: string[]; externalRef?: string },
) {
  const { db } = deps;
  const memberIds = [...new Set(input.memberIds.filter((id) => id !== viewer.id))];
  const total = memberIds.length + 1;
  if (total < ROOM_MIN_PARTICIPANTS || total > ROOM_MAX_PARTICIPANTS) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A room has ${ROOM_MIN_PARTICIPANTS} to ${ROOM_MAX_PARTICIPANTS} participants, you included.`,
    });
  }
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, memberIds), sql`${users.disabledAt} is null`));
  if (found.length !== memberIds.length) throw new TRPCError({ code: "NOT_FOUND", message: "Some members do not exist." });
  await assertNoBlockBetween(db, viewer.id, memberIds);

  const created = await db.transaction(async (tx) => {
    const [room] = await tx
      .insert(conversations)
      .values({
        kind: "group",
        status: "open",
        subject: input.name,
        visibility: input.visibility,
        externalRef: input.externalRef ?? null,
        createdById: viewer.id,
      })
      .returning();
    await tx.insert(participants).values([
      { conversationId: room!.id, userId: viewer.id, role: "owner" },
      ...memberIds.map((userId) => ({ conversationId: room!.id, userId, role: "member" as const })),
    ]);
    return room!;
  });
  await announceConversationAdded(deps, created, [
    { userId: viewer.id, reason: "opened" },
    ...memberIds.map((userId) => ({ userId, reason: "added" as const })),
  ]);
  return created;
}

/** Neither side of a block may pull the other into a conversation. */
async function assertNoBlockBetween(db: Database, userId: string, others: string[]) {
  if (!others.length) return;
  const [block] = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, userId), inArray(blocks.blockedId, others)),
        and(eq(blocks.blockedId, userId), inArray(blocks.blockerId, others)),
      ),
    )
    .limit(1);
  if (block) throw new TRPCError({ code: "FORBIDDEN", message: "A block stands between you and someone you picked." });
}
