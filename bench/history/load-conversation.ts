import { conversations, eq, teamMembers, teams, users, type Database } from "@parley/db";
import type { Sql } from "postgres";

import { MemoryBus } from "../../packages/api/src/realtime/memory-bus";
import { openSession } from "../../packages/api/src/services/desk/open-session";
import { UnreadRecounter } from "../../packages/api/src/services/inbox/unread-recounter";

type PersonViewer = { kind: "user"; id: string; role: "customer" | "agent"; isVisitor: false };

export interface LoadedConversation {
  conversationId: string;
  customer: PersonViewer;
  agent: PersonViewer;
  /** Messages in the conversation, all told; their seqs run from 1 to this. */
  messageCount: number;
  /** Of those, private notes between agents: the customer's pages skip them. */
  internalCount: number;
}

/** One message in this many is an agent's private note, so the customer's reads filter some rows out. */
const NOTE_EVERY = 20;

/**
 * A support session as Parley opens it (a customer, a team with one online agent, the
 * session auto-assigned), then `total` messages in it all told. The messages after the
 * session's own are written in one INSERT ... SELECT from generate_series: valid rows
 * as the send path writes them (customer and agent taking turns, every twentieth an
 * agent's private note; seq and event_seq continuing the conversation's counters without
 * a gap), with the conversation's counters and both read watermarks moved to the end.
 */
export async function loadConversation(db: Database, sql: Sql, total: number): Promise<LoadedConversation> {
  const [team] = await db.insert(teams).values({ name: "History desk", slug: "history-desk", autoAssign: true }).returning();
  const [customerRow, agentRow] = await db
    .insert(users)
    .values([
      { name: "History customer", email: "history-customer@example.test", role: "customer" },
      { name: "History agent", email: "history-agent@example.test", role: "agent", availability: "online" },
    ])
    .returning({ id: users.id });
  await db.insert(teamMembers).values({ teamId: team!.id, userId: agentRow!.id });
  const customer: PersonViewer = { kind: "user", id: customerRow!.id, role: "customer", isVisitor: false };
  const agent: PersonViewer = { kind: "user", id: agentRow!.id, role: "agent", isVisitor: false };

  const bus = new MemoryBus();
  const unreadRecounter = new UnreadRecounter({ db, bus }, { onError: (error) => console.error(error) });
  const session = await openSession({ db, bus, unreadRecounter }, customer, { subject: "A long conversation", teamId: team!.id }, new Date());
  await unreadRecounter.flush();
  await bus.close();

  const [before] = await db
    .select({ lastSeq: conversations.lastSeq, lastEventSeq: conversations.lastEventSeq, assignedAgentId: conversations.assignedAgentId })
    .from(conversations)
    .where(eq(conversations.id, session.id));
  if (before!.assignedAgentId !== agent.id) throw new Error("the session was not assigned to the agent");
  const toAdd = total - before!.lastSeq;
  if (toAdd <= 0) throw new Error(`the session already holds ${before!.lastSeq} messages`);

  // Three seconds apart, ending now: as if the chat had gone on for days.
  const startedAt = new Date(Date.now() - toAdd * 3000);
  const lastSeq = before!.lastSeq;
  const lastEventSeq = before!.lastEventSeq;
  await sql.begin(async (tx) => {
    await tx`
      insert into messages (conversation_id, seq, event_seq, sender_id, type, internal, body, created_at)
      select ${session.id}::uuid,
             ${lastSeq}::int + g,
             ${lastEventSeq}::int + g,
             case when g % ${NOTE_EVERY} = 0 or g % 2 = 0 then ${agent.id}::uuid else ${customer.id}::uuid end,
             'text',
             g % ${NOTE_EVERY} = 0,
             case when g % ${NOTE_EVERY} = 0 then 'Note for the team ' || g || ': checked the order history, nothing unusual.'
                  when g % 2 = 0 then 'Reply ' || g || ': thanks for waiting, I am looking into your order now.'
                  else 'Question ' || g || ': my parcel has not arrived yet, can you tell me where it is?' end,
             ${startedAt.toISOString()}::timestamptz + g * interval '3 seconds'
      from generate_series(1, ${toAdd}::int) as g`;
    await tx`
      update conversations
      set last_seq = last_seq + ${toAdd}, last_event_seq = last_event_seq + ${toAdd},
          last_message_at = ${startedAt.toISOString()}::timestamptz + ${toAdd}::int * interval '3 seconds',
          first_response_at = coalesce(first_response_at, ${startedAt.toISOString()}::timestamptz)
      where id = ${session.id}`;
    await tx`
      update participants set last_delivered_seq = ${lastSeq + toAdd}, last_read_seq = ${lastSeq + toAdd}
      where conversation_id = ${session.id}`;
  });
  // Fresh statistics, as autovacuum would soon gather on a live database.
  await sql`analyze messages`;

  const [notes] = await sql<Array<{ count: number }>>`
    select count(*)::int as count from messages where conversation_id = ${session.id} and internal`;
  return { conversationId: session.id, customer, agent, messageCount: lastSeq + toAdd, internalCount: notes!.count };
}

/** The loaded rows are what the send path would have written: seq and event_seq gap-free from 1, matching the counters. */
export async function assertConversationValid(sql: Sql, loaded: LoadedConversation): Promise<void> {
  const [row] = await sql<Array<Record<string, number>>>`
    select count(*)::int as rows, count(distinct seq)::int as seqs, min(seq) as min_seq, max(seq) as max_seq,
           count(distinct event_seq)::int as event_seqs, max(event_seq) as max_event_seq,
           (select last_seq from conversations where id = ${loaded.conversationId}) as last_seq,
           (select last_event_seq from conversations where id = ${loaded.conversationId}) as last_event_seq
    from messages where conversation_id = ${loaded.conversationId}`;
  const figures = Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
  const n = loaded.messageCount;
  const valid =
    figures.rows === n &&
    figures.seqs === n &&
    figures.min_seq === 1 &&
    figures.max_seq === n &&
    figures.last_seq === n &&
    figures.event_seqs === n &&
    figures.max_event_seq === figures.last_event_seq;
  if (!valid) throw new Error(`the loaded conversation is not consistent: ${JSON.stringify(figures)}`);
}
