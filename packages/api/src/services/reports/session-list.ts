import { sql } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { keysetTime, pastKey, type Keyset } from "./keyset";
import type { ReportRange } from "./report-range";
import { within, type ReportFilters } from "./report-sql";

export interface SessionListRow extends Record<string, unknown> {
  id: string;
  key_created_at: string;
}

/** A timestamp as the admin reads it: local wall-clock time, to the second. */
function local(column: SQL, range: ReportRange): SQL {
  return sql`to_char(${column} at time zone ${range.timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
}

/**
 * The support sessions opened in the period, oldest first, with their timings from the
 * reporting ledger (first wait and first response, last handle and resolution) and their
 * rating. All of them when `limit` is null: the export streams this through a cursor.
 */
export function sessionListQuery(range: ReportRange, filters: ReportFilters, after: Keyset | null, limit: number | null): SQL {
  return sql`select c.id, c.status::text as status, c.priority::text as priority, c.subject,
      team.name as team, customer.name as customer, customer.email as customer_email, agent.name as agent,
      c.external_ref,
      ${local(sql`c.created_at`, range)} as created_at,
      ${local(sql`c.assigned_at`, range)} as assigned_at,
      ${local(sql`c.first_response_at`, range)} as first_response_at,
      ${local(sql`c.closed_at`, range)} as closed_at,
      timing.wait_seconds, timing.first_response_seconds, timing.handle_seconds, timing.resolution_seconds,
      r.rating::int as csat_rating, r.comment as csat_comment,
      ${keysetTime(sql`c.created_at`)} as key_created_at
    from conversations c
    left join teams team on team.id = c.team_id
    left join users customer on customer.id = c.customer_id
    left join users agent on agent.id = c.assigned_agent_id
    left join csat_responses r on r.conversation_id = c.id
    left join lateral (
      select
        (array_agg(e.wait_seconds order by e.occurred_at) filter (where e.type = 'assigned'))[1] as wait_seconds,
        (array_agg(e.first_response_seconds order by e.occurred_at) filter (where e.type = 'first_response'))[1] as first_response_seconds,
        (array_agg(e.handle_seconds order by e.occurred_at desc) filter (where e.type = 'closed'))[1] as handle_seconds,
        (array_agg(e.resolution_seconds order by e.occurred_at desc) filter (where e.type = 'closed'))[1] as resolution_seconds
      from session_events e
      where e.conversation_id = c.id
    ) as timing on true
    where c.kind = 'support'
      and ${within(sql`c.created_at`, range)}
      ${filters.teamId ? sql`and c.team_id = ${filters.teamId}::uuid` : sql``}
      ${filters.agentId ? sql`and c.assigned_agent_id = ${filters.agentId}::uuid` : sql``}
      and ${pastKey(sql`c.created_at`, sql`c.id`, after, "asc")}
    order by c.created_at, c.id
    ${limit === null ? sql`` : sql`limit ${limit}`}`;
}
