import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { agentFiguresOf, type AgentFigures, type AgentFiguresRow } from "./agent-figures";
import { bucketLabel, bucketSeries, localBucket, type Granularity } from "./buckets";
import type { ReportRange } from "./report-range";
import { ratingFilter, stepFilter, within, type ReportFilters } from "./report-sql";
import { onlineIntervals } from "./time-online";

export interface AgentTrendBucket extends AgentFigures {
  bucket: string;
  startsAt: Date;
}

/** One agent's figures per day, week or month of the admin's calendar. */
export async function readAgentTrend(
  db: Database,
  range: ReportRange,
  filters: ReportFilters & { agentId: string },
  granularity: Granularity,
  now: Date,
): Promise<AgentTrendBucket[]> {
  const agentSteps = sql`e.agent_id = ${filters.agentId}::uuid and ${within(sql`e.occurred_at`, range)} ${stepFilter({ teamId: filters.teamId })}`;
  const rows = await rowsOf<AgentFiguresRow & { bucket: string; starts_at_epoch: number }>(
    db,
    sql`with buckets as (${bucketSeries(range, granularity)}),
      steps as (
        select ${localBucket(sql`e.occurred_at`, range, granularity)} as local_start,
          count(*) filter (where e.type = 'closed') as handled,
          avg(e.handle_seconds) filter (where e.type = 'closed') as average_handle,
          percentile_cont(0.5) within group (order by e.first_response_seconds) filter (where e.type = 'first_response') as median_first_response
        from session_events e
        where e.type in ('closed', 'first_response') and ${agentSteps}
        group by 1
      ),
      rated as (
        select ${localBucket(sql`r.created_at`, range, granularity)} as local_start,
          count(*) as responses, count(*) filter (where r.rating >= 4) as satisfied
        from csat_responses r
        where ${within(sql`r.created_at`, range)} ${ratingFilter(filters)}
        group by 1
      ),
      intervals as (${onlineIntervals(range, now, sql`select ${filters.agentId}::uuid as id`)}),
      online as (
        select b.local_start,
          sum(extract(epoch from least(i.ends_at, b.ends_at) - greatest(i.starts_at, b.starts_at))) as seconds
        from buckets b
        join intervals i on i.starts_at < b.ends_at and i.ends_at > b.starts_at
        group by b.local_start
      )
      select ${bucketLabel(sql`b.local_start`)} as bucket,
        extract(epoch from b.starts_at)::float8 as starts_at_epoch,
        coalesce(s.handled, 0)::int as handled,
        s.median_first_response::float8 as median_first_response,
        s.average_handle::float8 as average_handle,
        coalesce(r.responses, 0)::int as responses,
        coalesce(r.satisfied, 0)::int as satisfied,
        coalesce(o.seconds, 0)::float8 as online_seconds
      from buckets b
      left join steps s on s.local_start = b.local_start
      left join rated r on r.local_start = b.local_start
      left join online o on o.local_start = b.local_start
      order by b.local_start`,
  );
  return rows.map((row) => ({ bucket: row.bucket, startsAt: new Date(Number(row.starts_at_epoch) * 1000), ...agentFiguresOf(row) }));
}
