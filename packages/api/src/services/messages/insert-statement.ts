import { messages, NO_SENDER_ID, sql, type Database, type Transaction } from "@parley/db";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

import { rowsOf } from "../../lib/query-rows";
import { postsAsParticipant } from "../conversations/access";
import type { InsertedMessage, NewMessage } from "./insert-message";
import { attachmentsOf, messageColumns, toMessageView, type MessageRow } from "./message-view";

/** A plain message (no attachments) for `insertMessages`. */
export interface MessageToInsert extends Omit<NewMessage, "attachmentIds"> {
  /**
   * Who posts it, when the statement is to check their right to post (`postsAsParticipant`)
   * on the conversation's row as it writes. Absent when the caller has checked already.
   */
  poster?: PosterCheck;
}

export interface PosterCheck {
  /** A customer posts in a support session only if it is theirs. */
  isCustomer: boolean;
  /**
   * The desk's first public reply is noted with it in a transaction (see
   * `noteFirstResponse`), which this statement does not do: such a message is refused
   * while the session still waits for its first response.
   */
  mayBeFirstResponse: boolean;
}

/**
 * The one statement by which messages enter conversations: one message or a batch of
 * them, in any conversations, sent as one JSON value. For each message, in one go: the
 * sender's right to post (when asked), the earlier message of a repeated client id, else
 * the next seq and change number of its conversation (the conversation's row lock, which
 * makes seq gap-free), the row, and its sender's read mark. Conversations are locked in
 * the order of their ids, so two batches under way at once (in this process or another)
 * never wait on each other in a circle.
 *
 * Answers in the order of `rows`: the message (new, or the earlier one of its client id),
 * or null where the check refused it or there is no such conversation, with nothing
 * written for it. Two rows with one sender's client id must not be in one call (the
 * unique index fails the statement): `BatchedInsert` sends the first and answers the rest.
 */
export async function insertMessages(executor: Database | Transaction, rows: MessageToInsert[]): Promise<(InsertedMessage | null)[]> {
  const input = JSON.stringify(rows.map(toInputRow));
  const answers = await rowsOf<Record<string, unknown> & { idx: number; created: boolean }>(
    executor,
    sql`${STATEMENT_HEAD}${input}${STATEMENT_TAIL}`,
  );
  const results: (InsertedMessage | null)[] = rows.map(() => null);
  for (const { idx, created, ...row } of answers) results[idx] = { message: toMessageView(decodeMessageRow(row)), created };
  return results;
}

/** A message as the statement reads it: `jsonb_to_recordset` matches keys to the column list below. */
function toInputRow(row: MessageToInsert, idx: number) {
  return {
    idx,
    conversation_id: row.conversationId,
    sender_id: row.senderId,
    type: row.type,
    internal: row.internal,
    body: row.body,
    reply_to_id: row.replyToId,
    mentions: row.mentions,
    client_id: row.clientId,
    data: row.data,
    created_at: (row.createdAt ?? new Date()).toISOString(),
    checked: !row.poster,
    customer: row.poster?.isCustomer ?? false,
    may_be_first_response: row.poster?.mayBeFirstResponse ?? false,
  };
}

/**
 * A sender as the unique index on client ids spells it, "no sender" included: a literal,
 * not a parameter, so that a lookup matches the index's expression and reads one entry
 * (a prepared statement's generic plan would otherwise read the whole conversation).
 */
export const senderKey = (column: SQL) => sql`coalesce(${column}, ${sql.raw(`'${NO_SENDER_ID}'::uuid`)})`;

/** Every column of the answer but the attachments, named as `messageColumns` names them. */
const columnNames = Object.entries(messageColumns)
  .filter(([name]) => name !== "attachments")
  .map(([name, column]) => [(column as { name: string }).name, name] as const);
const returned = sql.raw(columnNames.map(([column, name]) => `messages."${column}" as "${name}"`).join(", "));
const answerOf = (table: string) => sql.raw([...columnNames.map(([, name]) => `${table}."${name}"`), `${table}."attachments"`].join(", "));

/**
 * The statement, built and rendered once: its only value is the batch, so each call
 * costs a JSON string and no query building. `fresh.nth` numbers a conversation's new
 * messages in the batch; each takes the seq after the conversation's last, in order.
 *
 * The planner guesses any batch at a hundred rows, which on a small or freshly loaded
 * table makes whole-table scans look cheaper than a few index lookups. So each lookup is
 * written as one that can only be an index probe per message (a correlated or lateral
 * subquery), and the rows to update are named by an array of ids.
 */
const [STATEMENT_HEAD, STATEMENT_TAIL] = renderAroundInput(
  (input) => sql`
  with input as (
    select * from jsonb_to_recordset(${input}::jsonb) as input(
      idx int, conversation_id uuid, sender_id uuid, type message_type, internal boolean, body text, reply_to_id uuid,
      mentions uuid[], client_id text, data jsonb, created_at timestamptz, checked boolean, customer boolean,
      may_be_first_response boolean)
  ), admitted as (
    select input.* from input
    where (
      select input.checked or (
        ${postsAsParticipant({ id: sql`input.sender_id`, isCustomer: sql`input.customer` }, sql`conversation`)}
        and (not input.may_be_first_response or conversation.kind <> 'support' or conversation.first_response_at is not null))
      from conversations conversation where conversation.id = input.conversation_id)
  ), repeated as (
    select admitted.idx, earlier.*
    from admitted cross join lateral (
      select ${returned}, ${attachmentsOf(messages)} as "attachments"
      from messages
      where messages.conversation_id = admitted.conversation_id and messages.client_id = admitted.client_id
        and ${senderKey(sql`messages.sender_id`)} = ${senderKey(sql`admitted.sender_id`)}
      limit 1
    ) earlier
    where admitted.client_id is not null
  ), fresh as (
    select admitted.*, row_number() over (partition by admitted.conversation_id order by admitted.idx) as nth
    from admitted where not exists (select from repeated where repeated.idx = admitted.idx)
  ), locked as (
    select conversation.id
    from (select distinct conversation_id from fresh order by conversation_id) ordered,
      lateral (select id from conversations where id = ordered.conversation_id for update) conversation
  ), counters as (
    update conversations
    set last_seq = last_seq + added.count, last_event_seq = last_event_seq + added.count, last_message_at = added.last_at
    from (
      select conversation_id, count(*) as count, max(created_at) as last_at from fresh group by conversation_id
    ) added
    where conversations.id = any(array(select id from locked)) and conversations.id = added.conversation_id
    returning conversations.id, conversations.last_seq - added.count as seq_before, conversations.last_event_seq - added.count as event_seq_before
  ), inserted as (
    insert into messages (conversation_id, sender_id, type, internal, body, reply_to_id, mentions, client_id, data, created_at, seq, event_seq)
    select fresh.conversation_id, fresh.sender_id, fresh.type, fresh.internal, fresh.body, fresh.reply_to_id,
      coalesce(fresh.mentions, '{}'), fresh.client_id, fresh.data, fresh.created_at,
      counters.seq_before + fresh.nth, counters.event_seq_before + fresh.nth
    from fresh join counters on counters.id = fresh.conversation_id
    returning ${returned}, '[]'::json as "attachments"
  ), read_by_sender as (
    update participants
    set last_delivered_seq = greatest(last_delivered_seq, latest.seq), last_read_seq = greatest(last_read_seq, latest.seq)
    from (select "conversationId", "senderId", max(seq) as seq from inserted group by 1, 2) latest
    where participants.conversation_id = any(array(select "conversationId" from inserted))
      and participants.conversation_id = latest."conversationId" and participants.user_id = latest."senderId"
  )
  select fresh.idx, true as created, ${answerOf("inserted")}
  from inserted
    join counters on counters.id = inserted."conversationId"
    join fresh on fresh.conversation_id = inserted."conversationId" and fresh.nth = inserted.seq - counters.seq_before
  union all
  select repeated.idx, false, ${answerOf("repeated")} from repeated`,
);

/**
 * The statement's text before and after its one value, rendered by Drizzle from the SQL
 * that `build` makes around a marker in the value's place.
 */
function renderAroundInput(build: (input: SQL) => SQL): [SQL, SQL] {
  const marker = "/* the batch */";
  const { sql: text, params } = new PgDialect().sqlToQuery(build(sql.raw(marker)));
  if (params.length) throw new Error("The insert statement must take no value but its input.");
  const [head, tail] = text.split(marker) as [string, string];
  return [sql.raw(head), sql.raw(tail)];
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
