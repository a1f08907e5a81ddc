import { sql, type Database } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { rowsOf } from "../../lib/query-rows";
import type { ReportRange } from "./report-range";

/** Who a report is narrowed to: a team's sessions, an agent's work, or everything. */
export interface ReportFilters {
  teamId?: string;
  agentId?: string;
}

export async function firstRowOf<T>(db: Database, statement: SQL): Promise<T> {
  const [row] = await rowsOf<T>(db, statement);
  if (!row) throw new Error("An aggregate query returned no row");
  return row;
}

/** A timestamp parameter; sent as text so both drivers read it the same way. */
export function at(instant: Date): SQL {
  return sql`${instant.toISOString()}::timestamptz`;
}

/** `column` within the range: start included, end excluded. */
export function within(column: SQL, range: Pick<ReportRange, "start" | "end">): SQL {
  return sql`${column} >= ${at(range.start)} and ${column} < ${at(range.end)}`;
}

/**
 * Narrows session steps (`session_events e`) to a team or an agent. A step counts for
 * the team and agent recorded on it, the session's after that step. Creation and reopening
 * happen before any agent has the session: for an agent they count when the session is
 * assigned to that agent now, as Chatwoot counts an agent's conversations.
 */
export function stepFilter(filters: ReportFilters): SQL {
  return sql`${filters.teamId ? sql`and e.team_id = ${filters.teamId}::uuid` : sql``}
    ${
      filters.agentId
        ? sql`and (e.agent_id = ${filters.agentId}::uuid
              or (e.type in ('created', 'reopened') and exists (
                select 1 from conversations c where c.id = e.conversation_id and c.assigned_agent_id = ${filters.agentId}::uuid)))`
        : sql``
    }`;
}

/**
 * Narrows ratings (`csat_responses r`) to the session's team, or to the agent the rating
 * counts for (who had the session when it closed).
 */
export function ratingFilter(filters: ReportFilters): SQL {
  return sql`${filters.agentId ? sql`and r.agent_id = ${filters.agentId}::uuid` : sql``}
    ${
      filters.teamId
        ? sql`and exists (select 1 from conversations c where c.id = r.conversation_id and c.team_id = ${filters.teamId}::uuid)`
        : sql``
    }`;
}

/**
 * The public messages people wrote in support sessions, as a derived table `m` of
 * (created_at, sender_id, conversation_id, from_staff), for the messages whose time
 * matches `window` (a condition on `m.created_at`), archived ones included: retention
 * moves old messages out of `messages`, not out of the desk's history. System notices,
 * private notes and integrations' order updates are not conversation. A message is "in"
 * when a customer wrote it and "out" when staff did: the small staff list and the few
 * rooms stand in for a join with every session, so that counting a month of messages is
 * an index-only scan. For a team, the sessions now in that team; for an agent, what they
 * wrote and what customers wrote in the sessions they have now.
 */
export function supportMessages(window: SQL, filters: ReportFilters): SQL {
  const writtenIn = (table: SQL) => sql`select m.created_at, m.sender_id, m.conversation_id,
      m.sender_id in (select u.id from users u where u.role <> 'customer') as from_staff
    from ${table} m
    where ${window} and m.sender_id is not null and not m.internal and m.type <> 'system'
      and not exists (select 1 from conversations o where o.id = m.conversation_id and o.kind in ('direct', 'group'))
      ${filters.teamId ? sql`and ${inTeamNow(sql`m.conversation_id`, filters.teamId)}` : sql``}`;
  const written = sql`${writtenIn(sql`messages`)} union all ${writtenIn(sql`archived_messages`)}`;
  if (!filters.agentId) return sql`(${written}) as m`;
  return sql`(select * from (${written}) as written
    where written.sender_id = ${filters.agentId}::uuid
      or (not written.from_staff
          and written.conversation_id in (select c.id from conversations c where c.assigned_agent_id = ${filters.agentId}::uuid))
  ) as m`;
}

/** The session `conversationId` names is in the team now. */
export function inTeamNow(conversationId: SQL, teamId: string): SQL {
  return sql`${conversationId} in (select c.id from conversations c where c.team_id = ${teamId}::uuid)`;
}

/** "In" is counted as all messages minus these, so that the staff check runs once per message. */
export const MESSAGE_OUT = sql`m.from_staff`;

export interface DurationSummary {
  /** Seconds; null when nothing was measured. */
  median: number | null;
  average: number | null;
  count: number;
}

export function durationFrom(row: Record<string, unknown>, name: string): DurationSummary {
  const median = row[`${name}_median`];
  const average = row[`${name}_average`];
  return {
    median: median === null || median === undefined ? null : Number(median),
    average: average === null || average === undefined ? null : Number(average),
    count: Number(row[`${name}_count`] ?? 0),
  };
}

/** count / total, or null when there is nothing to divide by. */
export function ratio(count: number, total: number): number | null {
  return total > 0 ? count / total : null;
}
