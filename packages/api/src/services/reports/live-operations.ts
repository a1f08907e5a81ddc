import { sql, type Database } from "@parley/db";

import { at, firstRowOf, supportMessages, type ReportFilters } from "./report-sql";

export interface LiveOperations {
  at: Date;
  /** Support sessions in the queue now. */
  waiting: number;
  /** Sessions an agent has now. */
  active: number;
  /** Agents with their switch on online and Parley open. */
  agentsOnline: number;
  /** How long the session first in line has waited, in seconds; null when nobody waits. */
  longestWaitSeconds: number | null;
  /** Public messages in support sessions over the last minute. */
  messagesPerMinute: number;
}

const MINUTE_MS = 60_000;

/** The desk right now, for the live operations panel. */
export async function readLiveOperations(db: Database, filters: ReportFilters, now: Date): Promise<LiveOperations> {
  const teamOfSession = filters.teamId ? sql`and c.team_id = ${filters.teamId}::uuid` : sql``;
  // A waiting session has no agent yet: under an agent filter the queue is still the queue they serve.
  const row = await firstRowOf<{ waiting: number; active: number; agents_online: number; longest_wait: number | null; messages: number }>(
    db,
    sql`select
        (select count(*) from conversations c
          where c.kind = 'support' and c.status = 'waiting' ${teamOfSession})::int as waiting,
        (select count(*) from conversations c
          where c.kind = 'support' and c.status = 'active' ${teamOfSession}
            ${filters.agentId ? sql`and c.assigned_agent_id = ${filters.agentId}::uuid` : sql``})::int as active,
        (select greatest(0, extract(epoch from ${at(now)} - min(coalesce(c.queued_at, c.created_at))))::float8
          from conversations c where c.kind = 'support' and c.status = 'waiting' ${teamOfSession}) as longest_wait,
        (select count(*) from users u
          cross join lateral (
            select s.availability, s.presence from agent_status_changes s
            where s.user_id = u.id and s.changed_at <= ${at(now)}
            order by s.changed_at desc, s.id desc limit 1
          ) as latest
          where u.role = 'agent' and u.disabled_at is null
            and latest.availability = 'online' and latest.presence <> 'offline'
            ${filters.agentId ? sql`and u.id = ${filters.agentId}::uuid` : sql``}
            ${filters.teamId ? sql`and exists (select 1 from team_members tm where tm.user_id = u.id and tm.team_id = ${filters.teamId}::uuid)` : sql``}
        )::int as agents_online,
        (select count(*) from ${supportMessages(
          sql`m.created_at > ${at(new Date(now.getTime() - MINUTE_MS))} and m.created_at <= ${at(now)}`,
          filters,
        )})::int as messages`,
  );
  return {
    at: now,
    waiting: row.waiting,
    active: row.active,
    agentsOnline: row.agents_online,
    longestWaitSeconds: row.longest_wait === null ? null : Math.round(Number(row.longest_wait)),
    messagesPerMinute: row.messages,
  };
}
