import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { bucketLabel, bucketSeries, localBucket, quarterHourOf, type Granularity } from "./buckets";
import type { ReportRange } from "./report-range";
import { messageQuarters } from "./message-quarters";
import { readMessagesTalliedUntil } from "./message-tallies";
import { stepFilter, within, type ReportFilters } from "./report-sql";

export interface VolumeBucket {
  /** The local date the bucket starts on (a Monday for weeks, the 1st for months). */
  bucket: string;
  startsAt: Date;
  sessionsOpened: number;
  sessionsClosed: number;
  messagesIn: number;
  messagesOut: number;
}

/** Sessions and messages per day, week or month of the admin's calendar, empty buckets included. */
export async function readVolume(
  db: Database,
  range: ReportRange,
  filters: ReportFilters,
  granularity: Granularity,
): Promise<VolumeBucket[]> {
  const talliedUntil = await readMessagesTalliedUntil(db);
  const rows = await rowsOf<{
    bucket: string;
    starts_at_epoch: number;
    opened: number;
    closed: number;
    messages_in: number;
    messages_out: number;
  }>(
    db,
    // One UNION ALL grouped once: joining the three would make the planner expect millions of rows.
    sql`select ${bucketLabel(sql`local_start`)} as bucket,
        extract(epoch from local_start at time zone ${range.timeZone})::float8 as starts_at_epoch,
        sum(opened)::int as opened, sum(closed)::int as closed,
        sum(messages_in)::int as messages_in, sum(messages_out)::int as messages_out
      from (
        select local_start, 0 as opened, 0 as closed, 0 as messages_in, 0 as messages_out
        from (${bucketSeries(range, granularity)}) as b
        union all
        select ${localBucket(sql`quarter`, range, granularity)}, opened, closed, 0, 0
        from (
          select ${quarterHourOf(sql`e.occurred_at`)} as quarter,
            count(*) filter (where e.type = 'created') as opened, count(*) filter (where e.type = 'closed') as closed
          from session_events e
          where e.type in ('created', 'closed') and ${within(sql`e.occurred_at`, range)} ${stepFilter(filters)}
          group by 1
        ) as steps
        union all
        select ${localBucket(sql`quarter`, range, granularity)}, 0, 0, messages_in, messages_out
        from (
          select q.quarter, sum(q.messages_in) as messages_in, sum(q.messages_out) as messages_out
          from ${messageQuarters(range, filters, talliedUntil)}
          group by 1
        ) as tally
      ) as counts
      group by local_start
      order by local_start`,
  );
  return rows.map((row) => ({
    bucket: row.bucket,
    startsAt: new Date(Number(row.starts_at_epoch) * 1000),
    sessionsOpened: row.opened,
    sessionsClosed: row.closed,
    messagesIn: row.messages_in,
    messagesOut: row.messages_out,
  }));
}
