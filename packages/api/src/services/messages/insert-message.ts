import { TRPCError } from "@trpc/server";
import { and, conversations, eq, messages, sql, type Database, type Transaction } from "@parley/db";

import { isUniqueViolation } from "../../lib/database-errors";
import { preparedPerDatabase } from "../../lib/prepared-statement";
import { toAttachmentView } from "../attachments/attachment-view";
import { linkAttachments, messageTypeFor, takeUnsentAttachments } from "../attachments/claim-attachments";
import { BatchedInsert } from "./batched-insert";
import { insertMessages, senderKey, type PosterCheck } from "./insert-statement";
import { messageColumns, toMessageView, type MessageView } from "./message-view";

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
 * The one way a message enters a conversation. A plain message is one statement
 * (`insertMessages`), on the database or inside the caller's transaction: it returns the
 * earlier message for a repeated client id, else bumps the conversation's seq and change
 * number (the row lock that makes seq gap-free), inserts, and marks the message read by
 * its sender. A message with attachments needs the caller's transaction: the uploads are
 * taken first and linked after, all or none, under the conversation's lock taken first.
 * Two plain sends of one client id at the same moment are told apart by the unique
 * index: see `answeringRepeatedSend`.
 */
export async function insertMessage(executor: Database | Transaction, newMessage: NewMessage): Promise<InsertedMessage> {
  const { attachmentIds = [], ...values } = newMessage;
  if (!attachmentIds.length) return (await insertOne(executor, values)) ?? noSuchConversation();

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
  const inserted = (await insertOne(executor, { ...values, type: messageTypeFor(carried) })) ?? noSuchConversation();
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
 * `insertMessage` for a plain message (no attachments) whose sender's right to post is
 * checked in the same statement, as `poster` (see `postsAsParticipant`). Null when it is
 * refused (or there is no such conversation), with nothing written: the caller then finds
 * out why. The repeated-send answer is behind the same check, so a retry is answered
 * only to someone who may still post. Sent with the others of the moment, in one
 * statement (`BatchedInsert`).
 */
export async function insertMessageIfAdmitted(
  db: Database,
  newMessage: Omit<NewMessage, "attachmentIds">,
  poster: PosterCheck,
): Promise<InsertedMessage | null> {
  return batchedInsertOf(db).insert({ ...newMessage, poster });
}

/** Sends from every request of this process go through one group commit per database. */
const batchedInsertOf = preparedPerDatabase((db) => new BatchedInsert(db, insertMessages));

async function insertOne(executor: Database | Transaction, values: Omit<NewMessage, "attachmentIds">): Promise<InsertedMessage | null> {
  const [inserted] = await insertMessages(executor, [values]);
  return inserted ?? null;
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
