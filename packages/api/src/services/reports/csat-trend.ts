import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { bucketLabel, bucketSeries, localBucket, type Granularity } from "./buckets";
import type { ReportRange } from "./report-range";
import { ratingFilter, ratio, within, type ReportFilters } from "./report-sql";

export interface CsatTrendBucket {
  bucket: string;
  startsAt: Date;
  responses: number;
  score: number | null;
  averageRating: number | null;
}

/** CSAT per day, week or month of the admin's calendar. */
export async function readCsatTrend(
  db: Database,
  range: ReportRange,
  filters: ReportFilters,
  granularity: Granularity,
): Promise<CsatTrendBucket[]> {
  const rows = await rowsOf<{ bucket: string; starts_at_epoch: number; responses: number; satisfied: number; average: number | null }>(
    db,
    sql`with buckets as (${bucketSeries(range, granularity)}),
      ratings as (
        select ${localBucket(sql`r.created_at`, range, granularity)} as local_start,
          count(*) as responses,
          count(*) filter (where r.rating >= 4) as satisfied,
          avg(r.rating) as average
        from csat_responses r
        where ${within(sql`r.created_at`, range)} ${ratingFilter(filters)}
        group by 1
      )
      select ${bucketLabel(sql`b.local_start`)} as bucket,
        extract(epoch from b.starts_at)::float8 as starts_at_epoch,
        coalesce(r.responses, 0)::int as responses,
        coalesce(r.satisfied, 0)::int as satisfied,
        r.average::float8 as average
      from buckets b
      left join ratings r on r.local_start = b.local_start
      order by b.local_start`,
  );
  return rows.map((row) => ({
    bucket: row.bucket,
    startsAt: new Date(Number(row.starts_at_epoch) * 1000),
    responses: row.responses,
    score: ratio(row.satisfied, row.responses),
    averageRating: row.average === null ? null : Number(row.average),
  }));
}
