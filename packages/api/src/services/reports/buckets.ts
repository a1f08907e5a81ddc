import { sql } from "@parley/db";
import type { SQL } from "drizzle-orm";

import type { ReportRange } from "./report-range";
import { at } from "./report-sql";

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/**
 * The local start of the bucket `column` falls in, in the admin's time zone. Weeks start
 * on Monday (ISO), as PostgreSQL's date_trunc has them.
 */
export function localBucket(column: SQL, range: ReportRange, granularity: Granularity): SQL {
  return sql`date_trunc(${granularity}, ${column} at time zone ${range.timeZone})`;
}

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * The UTC quarter hour `column` falls in. Every time zone's offset, and every daylight
 * saving change, is a whole number of quarter hours, so no local hour, day, week or month
 * splits one: counting rows per quarter hour first, then placing those few thousand
 * quarters in local buckets, gives the same counts as placing each row, without a time
 * zone conversion per row (the costly part of a month of messages).
 */
export function quarterHourOf(column: SQL): SQL {
  return sql`date_bin('15 minutes', ${column}, timestamptz '2000-01-01 00:00:00+00')`;
}

/** The start of the UTC quarter hour `instant` falls in, as `quarterHourOf` places rows. */
export function floorToQuarterHour(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

/** The first UTC quarter hour starting at or after `instant`. */
export function ceilToQuarterHour(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

/**
 * Every bucket of the range, empty ones included, as rows of (local_start, starts_at,
 * ends_at): local midnights stepped in local time, so days stay whole across DST changes.
 */
export function bucketSeries(range: ReportRange, granularity: Granularity): SQL {
  const step = sql`${`1 ${granularity}`}::interval`;
  return sql`select b as local_start,
      b at time zone ${range.timeZone} as starts_at,
      (b + ${step}) at time zone ${range.timeZone} as ends_at
    from generate_series(
      date_trunc(${granularity}, ${at(range.start)} at time zone ${range.timeZone}),
      date_trunc(${granularity}, (${at(range.end)} - interval '1 microsecond') at time zone ${range.timeZone}),
      ${step}) as b`;
}

/** A bucket's name: the local date it starts on. */
export function bucketLabel(localStart: SQL): SQL {
  return sql`to_char(${localStart}, 'YYYY-MM-DD')`;
}
