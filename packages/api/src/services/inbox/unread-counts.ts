import { and, conversations, eq, inArray, isNull, messages, participants, sql, users, type Database } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { preparedPerDatabase } from "../../lib/prepared-statement";
import { uuidArray } from "../../lib/uuid-array";

/** Whose counts to read: some user ids, or a subquery selecting them. */
export type UnreadRecipients = readonly string[] | { getSQL(): ReturnType<typeof sql> };

export interface UnreadCounts {
  /** Unread in the conversation asked about. */
  unread: number;
  /** Unread across all the person's conversations. */
  total: number;
  /** The database clock when counted, in microseconds: orders counts from different requests. */
  countedAt: number;
}

/**
 * Unread counts stop at this: a conversation with more shows "999". Counting reads every
 * unread message, and every message sent recounts its audience, so without a ceiling one
 * person away from a busy room would make each new message there cost more than the last.
 */
export const UNREAD_COUNT_CEILING = 999;

/**
 * Others' messages in a conversation past a read watermark, deleted ones left out, up to
 * the ceiling; `visible` narrows them further (private notes for customers).
 */
export function countUnread(conversationId: SQL, lastReadSeq: SQL, readerId: SQL, visible: SQL): SQL<number> {
  return sql<number>`(
    select count(*)::int from (
      select from ${messages}
      where ${messages.conversationId} = ${conversationId}
        and ${messages.seq} > ${lastReadSeq}
        and ${messages.deletedAt} is null
        and ${messages.senderId} is distinct from ${readerId}
        and ${visible}
      limit ${sql.raw(String(UNREAD_COUNT_CEILING))}
    ) as unread_messages
  )`;
}

/**
 * Unread in one participation, private notes only for staff. Evaluated in a query over
 * `participants` joined with `users`.
 */
const unreadInParticipation = countUnread(
  sql`${participants.conversationId}`,
  sql`${participants.lastReadSeq}`,
  sql`${participants.userId}`,
  sql`(${messages.internal} = false or ${users.role} <> 'customer')`,
);

/**
 * Every recipient's conversations with something unread, in one statement: a row per
 * (person, conversation), and a row with no conversation for someone with nothing
 * unread, so that everyone asked about gets an answer stamped with the same clock.
 * Conversations come with the latest message first, so each person's are in that order.
 */
function readUnreadRows(db: Database, recipients: UnreadRecipients) {
  const perConversation = db
    .select({
      userId: participants.userId,
      conversationId: participants.conversationId,
      lastMessageAt: conversations.lastMessageAt,
      unread: unreadInParticipation.as("unread"),
    })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .innerJoin(conversations, eq(conversations.id, participants.conversationId))
    .where(
      and(
        inArray(participants.userId, recipients),
        isNull(participants.leftAt),
        sql`${conversations.lastSeq} > ${participants.lastReadSeq}`,
      ),
    )
    .as("per_conversation");

  return db
    .select({
      userId: users.id,
      conversationId: perConversation.conversationId,
      unread: perConversation.unread,
      countedAt: sql<number>`(extract(epoch from statement_timestamp()) * 1000000)::bigint::text`.mapWith(Number),
    })
    .from(users)
    .leftJoin(perConversation, sql`${perConversation.userId} = ${users.id} and ${perConversation.unread} > 0`)
    .where(inArray(users.id, recipients))
    // Newest first: the order an inbox lists them in.
    .orderBy(sql`${perConversation.lastMessageAt} desc nulls last`, perConversation.conversationId);
}

/** Each recipient's unread in `conversationId` and in all, from one query however many they are. */
export async function readUnreadTotals(
  db: Database,
  recipients: UnreadRecipients,
  conversationId: string,
): Promise<Map<string, UnreadCounts>> {
  return totalsOf(await readUnreadRows(db, recipients), conversationId);
}

/**
 * After a message: the counts of the participants who may see it (private notes: staff
 * only) and had not read it, and of its sender when asked (sending marks it read for
 * them). Prepared, since every message sent runs it.
 */
export async function readUnreadAfterMessage(
  db: Database,
  message: { conversationId: string; seq: number; senderId: string | null; internal: boolean },
  options: { withSender: boolean },
): Promise<Map<string, UnreadCounts>> {
  const rows = await unreadAfterMessage(db).execute({
    conversationId: message.conversationId,
    seq: message.seq,
    countedSender: options.withSender ? message.senderId : null,
    internal: message.internal,
  });
  return totalsOf(rows, message.conversationId);
}

const unreadAfterMessage = preparedPerDatabase((db) => {
  const audience = db
    .select({ userId: participants.userId })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(participants.conversationId, sql.placeholder("conversationId")),
        isNull(participants.leftAt),
        sql`(${participants.lastReadSeq} < ${sql.placeholder("seq")} or ${participants.userId} = ${sql.placeholder("countedSender")})`,
        sql`(not ${sql.placeholder("internal")}::boolean or ${users.role} <> 'customer')`,
      ),
    );
  return readUnreadRows(db, audience).prepare("unread_after_message");
});

/** Prepared: every recount of the inbox counts (`UnreadRecounter`) runs it. */
const unreadOfPeople = preparedPerDatabase((db) =>
  readUnreadRows(db, sql`(select unnest(${sql.placeholder("userIds")}::uuid[]))`).prepare("unread_of_people"),
);

type UnreadRow = Awaited<ReturnType<typeof readUnreadRows>>[number];

/** One person's counts: in all, and in each conversation with something unread. */
export interface PersonUnread {
  total: number;
  byConversation: Map<string, number>;
  countedAt: number;
}

/** Several people's counts, from one query however many they are. */
export async function readUnreadOfPeople(db: Database, userIds: readonly string[]): Promise<Map<string, PersonUnread>> {
  const people = new Map<string, PersonUnread>();
  if (!userIds.length) return people;
  for (const row of await unreadOfPeople(db).execute({ userIds: uuidArray(userIds) })) {
    const person = people.get(row.userId) ?? { total: 0, byConversation: new Map(), countedAt: row.countedAt };
    if (row.conversationId && row.unread) {
      person.total += row.unread;
      person.byConversation.set(row.conversationId, row.unread);
    }
    people.set(row.userId, person);
  }
  return people;
}

function totalsOf(rows: UnreadRow[], conversationId: string): Map<string, UnreadCounts> {
  const totals = new Map<string, UnreadCounts>();
  for (const row of rows) {
    const counts = totals.get(row.userId) ?? { unread: 0, total: 0, countedAt: row.countedAt };
    const unread = row.unread ?? 0;
    counts.total += unread;
    if (row.conversationId === conversationId) counts.unread = unread;
    totals.set(row.userId, counts);
  }
  return totals;
}

/** One person's unread, per conversation (only those with some, the latest message first) and in all. */
export async function readUnreadByConversation(db: Database, userId: string) {
  const person = (await readUnreadOfPeople(db, [userId])).get(userId);
  return {
    total: person?.total ?? 0,
    conversations: [...(person?.byConversation ?? [])].map(([conversationId, unread]) => ({ conversationId, unread })),
    // No row at all only for someone who does not exist; nothing of theirs can be newer.
    countedAt: person?.countedAt ?? 0,
  };
}
