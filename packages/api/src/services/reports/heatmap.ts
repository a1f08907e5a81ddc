import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { quarterHourOf } from "./buckets";
import type { ReportRange } from "./report-range";
import { stepFilter, within, type ReportFilters } from "./report-sql";

export interface HeatmapCell {
  /** ISO day of the week in the admin's time zone: 1 is Monday, 7 is Sunday. */
  dayOfWeek: number;
  /** Hour of the day in the admin's time zone, 0 to 23. */
  hour: number;
  sessionsOpened: number;
}

export interface Heatmap {
  /** All 168 cells, Monday 00:00 first. */
  cells: HeatmapCell[];
  /** The hours of the day when most sessions opened, busiest first (at most three, none empty). */
  busiestHours: { hour: number; sessionsOpened: number }[];
}

const BUSIEST_HOURS_SHOWN = 3;

/** When customers start chatting: sessions opened by day of the week and hour, in local time. */
export async function readHeatmap(db: Database, range: ReportRange, filters: ReportFilters): Promise<Heatmap> {
  const rows = await rowsOf<{ day_of_week: number; hour: number; opened: number }>(
    db,
    sql`select extract(isodow from quarter at time zone ${range.timeZone})::int as day_of_week,
        extract(hour from quarter at time zone ${range.timeZone})::int as hour,
        sum(opened)::int as opened
      from (
        select ${quarterHourOf(sql`e.occurred_at`)} as quarter, count(*) as opened
        from session_events e
        where e.type = 'created' and ${within(sql`e.occurred_at`, range)} ${stepFilter(filters)}
        group by 1
      ) as quarters
      group by 1, 2`,
  );
  const counts = new Map(rows.map((row) => [`${row.day_of_week}:${row.hour}`, row.opened]));
  const cells: HeatmapCell[] = [];
  for (let dayOfWeek = 1; dayOfWeek <= 7; dayOfWeek++) {
    for (let hour = 0; hour < 24; hour++) {
      cells.push({ dayOfWeek, hour, sessionsOpened: counts.get(`${dayOfWeek}:${hour}`) ?? 0 });
    }
  }
  const byHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    sessionsOpened: cells.filter((cell) => cell.hour === hour).reduce((sum, cell) => sum + cell.sessionsOpened, 0),
  }));
  const busiestHours = byHour
    .filter((entry) => entry.sessionsOpened > 0)
    .sort((a, b) => b.sessionsOpened - a.sessionsOpened || a.hour - b.hour)
    .slice(0, BUSIEST_HOURS_SHOWN);
  return { cells, busiestHours };
}
