import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import type { ReportRange } from "./report-range";
import { byPeriod, earliestStart, periodIndex, withinAny } from "./periods";
import { at, ratingFilter, ratio, stepFilter, type ReportFilters } from "./report-sql";

export interface CsatSummary {
  /** Ratings given in the period. */
  responses: number;
  /** Ratings of 4 or 5. */
  satisfied: number;
  /** satisfied / responses, as Chatwoot and Intercom compute CSAT. */
  score: number | null;
  averageRating: number | null;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  distribution: { rating: 1 | 2 | 3 | 4 | 5; count: number }[];
  /** Sessions closed in the period: each closing asks the customer for a rating. */
  asked: number;
  /** Of those sessions, how many have been rated. */
  answered: number;
  responseRate: number | null;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * CSAT for a period. Ratings count for the session's team and for the agent who had the
 * session when it closed; the response rate follows the sessions closed in the period.
 */
export async function readCsatSummary(db: Database, range: ReportRange, filters: ReportFilters): Promise<CsatSummary> {
  const [summary] = await readCsatSummaryOfPeriods(db, [range], filters);
  return summary!;
}

type RatingRow = Record<string, number | null> & { period: number };

/** The ratings side alone (no response rate), for several periods in one pass: what the overview needs. */
export async function readRatingsOfPeriods(db: Database, periods: readonly ReportRange[], filters: ReportFilters) {
  const rows = await readRatingRows(db, periods, filters);
  return rows.map((rated) => {
    const responses = Number(rated.responses);
    return { responses, score: ratio(Number(rated.satisfied), responses) };
  });
}

async function readRatingRows(db: Database, periods: readonly ReportRange[], filters: ReportFilters): Promise<RatingRow[]> {
  const rows = await rowsOf<RatingRow>(
    db,
    sql`select ${periodIndex(sql`r.created_at`, periods)} as period,
        count(*)::int as responses,
        count(*) filter (where r.rating >= 4)::int as satisfied,
        avg(r.rating)::float8 as average,
        ${sql.join(
          RATINGS.map((rating) => sql`count(*) filter (where r.rating = ${rating})::int as ${sql.identifier(`rated_${rating}`)}`),
          sql`, `,
        )}
      from csat_responses r
      where ${withinAny(sql`r.created_at`, periods)} ${ratingFilter(filters)}
      group by 1`,
);
  return byPeriod(rows, periods.length, () => ({ period: 0, responses: 0, satisfied: 0, average: null }));
}

/** The same for several periods at once, one statement per table for all of them. */
export async function readCsatSummaryOfPeriods(
  db: Database,
  periods: readonly ReportRange[],
  filters: ReportFilters,
): Promise<CsatSummary[]> {
  const [ratings, askedRows] = await Promise.all([
    readRatingRows(db, periods, filters),
    // A rating comes after the closing it answers, so only ratings from the first period's start on can match.
    rowsOf<{ period: number; asked: number; answered: number }>(
      db,
      sql`select closed.period, count(*)::int as asked, count(rated.conversation_id)::int as answered
        from (
          select distinct ${periodIndex(sql`e.occurred_at`, periods)} as period, e.conversation_id from session_events e
          where e.type = 'closed' and ${withinAny(sql`e.occurred_at`, periods)} ${stepFilter(filters)}
        ) as closed
        left join (
          select r.conversation_id from csat_responses r where r.created_at >= ${at(earliestStart(periods))}
        ) as rated on rated.conversation_id = closed.conversation_id
        group by closed.period`,
    ),
  ]);
  const asked = byPeriod(askedRows, periods.length, () => ({ period: 0, asked: 0, answered: 0 }));
  return periods.map((_, index) => {
    const rated = ratings[index]!;
    const closed = asked[index]!;
    const responses = Number(rated.responses);
    const satisfied = Number(rated.satisfied);
    return {
      responses,
      satisfied,
      score: ratio(satisfied, responses),
      averageRating: rated.average === null || rated.average === undefined ? null : Number(rated.average),
      distribution: RATINGS.map((rating) => ({ rating, count: Number(rated[`rated_${rating}`] ?? 0) })),
      asked: closed.asked,
      answered: closed.answered,
      responseRate: ratio(closed.answered, closed.asked),
    };
  });
}
