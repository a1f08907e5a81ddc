import { sql, type Database } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { rowsOf } from "../../lib/query-rows";
import { agentFiguresOf, type AgentFigures, type AgentFiguresRow } from "./agent-figures";
import type { ReportRange } from "./report-range";
import { ratingFilter, stepFilter, within, type ReportFilters } from "./report-sql";
import { onlineIntervals } from "./time-online";

export interface AgentPerformance extends AgentFigures {
  agentId: string;
  agentName: string;
}

/**
 * Staff the agent report lists: every active agent (of the team, when filtered), and
 * anyone else (an admin, a since-disabled agent) whose work shows in the period.
 */
function listedStaff(filters: ReportFilters): SQL {
  return sql`select u.id from users u
    where u.role in ('agent', 'admin')
      ${filters.agentId ? sql`and u.id = ${filters.agentId}::uuid` : sql``}
      ${filters.teamId ? sql`and exists (select 1 from team_members tm where tm.user_id = u.id and tm.team_id = ${filters.teamId}::uuid)` : sql``}`;
}

/** The agents ranking: per agent, work done, speed, satisfaction and time online; busiest first. */
export async function readAgentPerformance(
  db: Database,
  range: ReportRange,
  filters: ReportFilters,
  now: Date,
): Promise<AgentPerformance[]> {
  const staffFilter: ReportFilters = { teamId: filters.teamId };
  const rows = await rowsOf<AgentFiguresRow & { agent_id: string; agent_name: string }>(
    db,
    sql`with handled as (
        select e.agent_id, count(*)::int as handled, avg(e.handle_seconds)::float8 as average_handle
        from session_events e
        where e.type = 'closed' and e.agent_id is not null and ${within(sql`e.occurred_at`, range)} ${stepFilter(staffFilter)}
        group by e.agent_id
      ),
      responded as (
        select e.agent_id, percentile_cont(0.5) within group (order by e.first_response_seconds) as median_first_response
        from session_events e
        where e.type = 'first_response' and e.agent_id is not null and ${within(sql`e.occurred_at`, range)} ${stepFilter(staffFilter)}
        group by e.agent_id
      ),
      rated as (
        select r.agent_id, count(*)::int as responses, count(*) filter (where r.rating >= 4)::int as satisfied
        from csat_responses r
        where r.agent_id is not null and ${within(sql`r.created_at`, range)} ${ratingFilter(staffFilter)}
        group by r.agent_id
      ),
      online as (
        select i.user_id, sum(extract(epoch from i.ends_at - i.starts_at))::float8 as seconds
        from (${onlineIntervals(range, now, listedStaff(filters))}) as i
        group by i.user_id
      )
      select u.id as agent_id, u.name as agent_name,
        coalesce(h.handled, 0) as handled,
        p.median_first_response,
        h.average_handle,
        coalesce(r.responses, 0) as responses,
        coalesce(r.satisfied, 0) as satisfied,
        coalesce(o.seconds, 0)::float8 as online_seconds
      from users u
      left join handled h on h.agent_id = u.id
      left join responded p on p.agent_id = u.id
      left join rated r on r.agent_id = u.id
      left join online o on o.user_id = u.id
      where u.role in ('agent', 'admin')
        and (
          (u.role = 'agent' and u.disabled_at is null and u.id in (${listedStaff(filters)}))
          or h.agent_id is not null or p.agent_id is not null or r.agent_id is not null
        )
        ${filters.agentId ? sql`and u.id = ${filters.agentId}::uuid` : sql``}
      order by coalesce(h.handled, 0) desc, u.name, u.id`,
  );
  return rows.map((row) => ({ agentId: row.agent_id, agentName: row.agent_name, ...agentFiguresOf(row) }));
}
