import { TRPCError } from "@trpc/server";
import { and, conversations, eq, messages, NO_SENDER_ID, sql, type Database, type Transaction } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { isUniqueViolation } from "../../lib/database-errors";
import { preparedPerDatabase } from "../../lib/prepared-statement";
import { rowsOf } from "../../lib/query-rows";
import { toAttachmentView } from "../attachments/attachment-view";
import { linkAttachments, messageTypeFor, takeUnsentAttachments } from "../attachments/claim-attachments";
import { BatchedInsert } from "./batched-insert";
import { attachmentsOf, messageColumns, toMessageView, type MessageRow, type MessageView } from "./message-view";

export interface NewMessage {
  conversationId: string;
  senderId: string | null;
  type: MessageView["type"];
  internal: boolean;
  body: string;
  replyToId: string | null;
  mentions: string[];
  clientId: string | null;
  data: Record<string, unknown> | null;
  /** When it was sent; now unless a caller replays a known timeline. */
  createdAt?: Date;
  /** Uploads to carry; they make the message an image or file message, whatever `type` says. */
  attachmentIds?: string[];
}

export interface InsertedMessage {
  message: MessageView;
  /** False when the sender's `clientId` had been sent already: `message` is that first one. */
  created: boolean;
}

/**
 * The one way a message enters a conversation. A plain message is one statement, on the
 * database or inside the caller's transaction: it returns the earlier message for a
 * repeated client id, else bumps the conversation's seq and change number (the row lock
 * that makes seq gap-free), inserts, and marks the message read by its sender. A message
 * with attachments needs the caller's transaction: the uploads are taken first and
 * linked after, all or none, under the conversation's lock taken first. Two plain sends
 * of one client id at the same moment are told apart by the unique index: see
 * `answeringRepeatedSend`.
 */
export async function insertMessage(executor: Database | Transaction, newMessage: NewMessage): Promise<InsertedMessage> {
  const { attachmentIds = [], ...values } = newMessage;
  if (!attachmentIds.length) return (await runInsert(executor, values)) ?? noSuchConversation();

  // The conversation's lock first, so that a retry sent at the same moment waits for the
  // first send and then finds it, before the attachments it has taken are checked.
  await executor.execute(sql`select 1 from ${conversations} where ${conversations.id} = ${values.conversationId} for update`);
  const repeated = values.clientId ? await findByClientId(executor, values) : null;
  if (repeated) return { message: repeated, created: false };
  const carried = await takeUnsentAttachments(executor as Transaction, {
    attachmentIds,
    conversationId: values.conversationId,
    senderId: values.senderId,
  });
  const inserted = (await runInsert(executor, { ...values, type: messageTypeFor(carried) })) ?? noSuchConversation();
  if (!inserted.created) return inserted;
  await linkAttachments(executor as Transaction, inserted.message.id, attachmentIds);
  // The row was read back before the attachments were linked to it.
  return { message: { ...inserted.message, attachments: carried.map(toAttachmentView) }, created: true };
}

/**
 * Runs `send` (an `insertMessage`, alone or in a transaction) and answers a lost race on
 * the client id with the message that won it. Two sends of one client id at the same
 * moment both find no earlier message; the second then waits on the conversation's row
 * lock and fails on the unique index, which undoes its statement (seq included) or its
 * transaction. Then the first one is committed, and read.
 */
export async function answeringRepeatedSend<Sent extends InsertedMessage | null>(
  db: Database,
  message: Pick<NewMessage, "conversationId" | "senderId" | "clientId">,
  send: () => Promise<Sent>,
): Promise<Sent | InsertedMessage> {
  try {
    return await send();
  } catch (error) {
    if (!message.clientId || !isUniqueViolation(error, "messages_sender_client_id_idx")) throw error;
    const first = await findByClientId(db, message);
    if (!first) throw error;
    return { message: first, created: false };
  }
}

/**
 * "No sender" as the unique index on client ids spells it. A literal, not a parameter: a
 * parameter would not match the index's expression, and a prepared statement's generic
 * plan would then read the whole conversation to find one client id.
 */
const NO_SENDER = sql.raw(`'${NO_SENDER_ID}'::uuid`);
const senderKey = (column: SQL) => sql`coalesce(${column}, ${NO_SENDER})`;

/** Column list of the statement's answer, named as `messageColumns` names them. */
const RETURNED = sql.raw(
  Object.entries(messageColumns)
    .filter(([name]) => name !== "attachments")
    .map(([name, column]) => `"${(column as { name: string }).name}" as "${name}"`)
    .join(", "),
);

/**
 * `insertMessage` for a plain message (no attachments) whose sender's right to post is
 * checked in the same statement: only while `admits` holds for the conversation's row,
 * named `conversation` there. Null when it does not (or there is no such conversation),
 * with nothing written: the caller then finds out why. The repeated-send answer is
 * behind the same condition, so a retry is answered only to someone who may still post.
 */
export async function insertMessageIfAdmitted(
  db: Database,
  newMessage: Omit<NewMessage, "attachmentIds">,
  admits: SQL,
): Promise<InsertedMessage | null> {
  return batchedInsertOf(db).insert({ message: newMessage, admits });
}

/** Sends from every request of this process go through one group commit per database. */
const batchedInsertOf = preparedPerDatabase(
  (db) => new BatchedInsert(db, (executor, queued) => runInsert(executor, queued.message, queued.admits)),
);

/** The insert itself, or null when `admits` (if given) refused it or there is no such conversation. */
async function runInsert(executor: Database | Transaction, values: NewMessage, admits?: SQL): Promise<InsertedMessage | null> {
  const createdAt = values.createdAt ?? new Date();
  const whileAdmitted = admits ? sql`and exists (select from admitted)` : sql``;
  const [row] = await rowsOf<Record<string, unknown>>(executor, sql`
    with ${admits ? sql`admitted as (
      select from conversations conversation where conversation.id = ${values.conversationId}::uuid and ${admits}
    ), ` : sql``}repeated as (
      select ${RETURNED}, ${attachmentsOf(messages)} as "attachments"
      from ${messages}
      where ${values.clientId}::text is not null and conversation_id = ${values.conversationId}::uuid
        and ${senderKey(sql`sender_id`)} = ${senderKey(sql`${values.senderId}::uuid`)} and client_id = ${values.clientId}::text
        ${whileAdmitted}
    ), counters as (
      update conversations
      set last_seq = last_seq + 1, last_event_seq = last_event_seq + 1, last_message_at = ${createdAt.toISOString()}::timestamptz
      where id = ${values.conversationId}::uuid and not exists (select from repeated) ${whileAdmitted}
      returning last_seq, last_event_seq
    ), inserted as (
      insert into ${messages} (conversation_id, sender_id, type, internal, body, reply_to_id, mentions, client_id, data, created_at, seq, event_seq)
      select ${values.conversationId}::uuid, ${values.senderId}::uuid, ${values.type}::message_type, ${values.internal}::boolean,
        ${values.body}::text, ${values.replyToId}::uuid, ${`{${values.mentions.join(",")}}`}::uuid[], ${values.clientId}::text,
        ${values.data === null ? null : JSON.stringify(values.data)}::jsonb, ${createdAt.toISOString()}::timestamptz,
        last_seq, last_event_seq
      from counters
      returning ${RETURNED}, '[]'::json as "attachments"
    ), read_by_sender as (
      update participants
      set last_delivered_seq = greatest(last_delivered_seq, inserted.seq), last_read_seq = greatest(last_read_seq, inserted.seq)
      from inserted
      where participants.conversation_id = inserted."conversationId" and participants.user_id = ${values.senderId}::uuid
    )
    select true as created, * from inserted
    union all
    select false, * from repeated`);
  if (!row) return null;
  return { message: toMessageView(decodeMessageRow(row)), created: row.created === true };
}

async function findByClientId(
  executor: Database | Transaction,
  values: Pick<NewMessage, "conversationId" | "senderId" | "clientId">,
): Promise<MessageView | null> {
  const [row] = await executor
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, values.conversationId),
        sql`${senderKey(sql`${messages.senderId}`)} = ${senderKey(sql`${values.senderId}::uuid`)}`,
        eq(messages.clientId, values.clientId!),
      ),
    );
  return row ? toMessageView(row) : null;
}

function noSuchConversation(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: "No such conversation." });
}

/** A raw row as the query builder would have given it: each column's own decoding (dates, JSON). */
function decodeMessageRow(row: Record<string, unknown>): MessageRow {
  const decoded: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(messageColumns)) {
    const value = row[name];
    if (name === "attachments") decoded[name] = typeof value === "string" ? JSON.parse(value) : value;
    else decoded[name] = value === null ? null : (column as { mapFromDriverValue(value: unknown): unknown }).mapFromDriverValue(value);
  }
  return decoded as MessageRow;
}
