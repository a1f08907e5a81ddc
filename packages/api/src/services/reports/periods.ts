import { sql } from "@parley/db";
import type { SQL } from "drizzle-orm";

import type { ReportRange } from "./report-range";
import { at } from "./report-sql";

/**
 * Several periods in one statement (the overview's period and the one before it), as rows
 * p(period, starts, ends) to join each period's figures to laterally: every period is then
 * its own index range scan, with no per-row sorting out of which period a row is in.
 */
export function periodRows(periods: readonly ReportRange[]): SQL {
  const rows = periods.map((period, index) => sql`(${sql.raw(String(index))}, ${at(period.start)}, ${at(period.end)})`);
  return sql`(values ${sql.join(rows, sql`, `)}) as p(period, starts, ends)`;
}

/** Rows labelled with the index of the period they fall in, for one scan over all periods. */
export function periodIndex(column: SQL, periods: readonly ReportRange[]): SQL {
  const cases = periods.map((period, index) => sql`when ${column} >= ${at(period.start)} and ${column} < ${at(period.end)} then ${sql.raw(String(index))}`);
  return sql`(case ${sql.join(cases, sql` `)} end)`;
}

/** `column` within any of the periods: from the earliest start to the latest end. */
export function withinAny(column: SQL, periods: readonly ReportRange[]): SQL {
  return sql`${column} >= ${at(earliestStart(periods))} and ${column} < ${at(latestEnd(periods))}`;
}

export function earliestStart(periods: readonly ReportRange[]): Date {
  return new Date(Math.min(...periods.map((period) => period.start.getTime())));
}

function latestEnd(periods: readonly ReportRange[]): Date {
  return new Date(Math.max(...periods.map((period) => period.end.getTime())));
}

/** The row of each period, by the `period` column of `rows`, or `empty` where none came back. */
export function byPeriod<Row extends { period: number }>(rows: Row[], count: number, empty: () => Row): Row[] {
  return Array.from({ length: count }, (_, index) => rows.find((row) => Number(row.period) === index) ?? { ...empty(), period: index });
}
