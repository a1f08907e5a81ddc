import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { byPeriod, periodRows } from "./periods";
import type { ReportRange } from "./report-range";
import { messageQuarters } from "./message-quarters";
import { readMessagesTalliedUntil } from "./message-tallies";
import { durationFrom, ratio, stepFilter, type DurationSummary, type ReportFilters } from "./report-sql";

export interface ConversationMetrics {
  opened: number;
  closed: number;
  reopened: number;
  /** Of the sessions opened in the period, how many were closed (and not reopened since) by its end. */
  resolved: number;
  resolutionRate: number | null;
  /** Queue entry to assignment, per assignment. */
  waitTime: DurationSummary;
  /** Queue entry (or reopening) to the desk's first public reply. */
  firstResponseTime: DurationSummary;
  /** Assignment to close, per close of an assigned session. */
  handleTime: DurationSummary;
  /** Creation to close, per close. */
  resolutionTime: DurationSummary;
  messagesIn: number;
  messagesOut: number;
}

/**
 * Conversation figures for a period, from the reporting ledger: each duration is read from
 * the step that ends it (assigned, first_response, closed), so a period holds the waits
 * that ended in it.
 */
export async function readConversationMetrics(db: Database, range: ReportRange, filters: ReportFilters): Promise<ConversationMetrics> {
  const [metrics] = await readConversationMetricsOfPeriods(db, [range], filters);
  return metrics!;
}

/** The same figures for several periods at once, one statement per table for all of them. */
export async function readConversationMetricsOfPeriods(
  db: Database,
  periods: readonly ReportRange[],
  filters: ReportFilters,
): Promise<ConversationMetrics[]> {
  const [steps, messages] = await Promise.all([readStepFigures(db, periods, filters), readMessageCounts(db, periods, filters)]);
  return periods.map((_, index) => {
    const step = steps[index]!;
    const sent = messages[index]!;
    return {
      opened: step.opened,
      closed: step.closed,
      reopened: step.reopened,
      resolved: step.resolved,
      resolutionRate: ratio(step.resolved, step.opened),
      waitTime: durationFrom(step, "wait"),
      firstResponseTime: durationFrom(step, "first_response"),
      handleTime: durationFrom(step, "handle"),
      resolutionTime: durationFrom(step, "resolution"),
      messagesIn: sent.messages_in,
      messagesOut: sent.messages_out,
    };
  });
}

interface StepFigures extends Record<string, unknown> {
  period: number;
  opened: number;
  closed: number;
  reopened: number;
  resolved: number;
}

/** Per period and step type: how many, and the duration the step ends (two for a close). */
interface StepGroup {
  period: number;
  type: string;
  steps: number;
  median: number | null;
  average: number | null;
  measured: number;
  resolution_median: number | null;
  resolution_average: number | null;
  resolutions: number;
}

const MEASURE_OF_STEP = { assigned: "wait", first_response: "first_response", closed: "handle" } as const;

/**
 * The ledger read twice for all periods: the steps that end a duration, per period and
 * type, each from its own index range, so that every median sorts only its own values
 * (far cheaper than filtered medians over every row); and each session's openings,
 * closings and reopenings, for the counts and the resolution rate.
 */
async function readStepFigures(db: Database, periods: readonly ReportRange[], filters: ReportFilters): Promise<StepFigures[]> {
  const [groups, fates] = await Promise.all([
    rowsOf<StepGroup>(
      db,
      sql`select p.period, t.type::text as type, s.*
        from ${periodRows(periods)}
        cross join (values ('assigned'::session_event_type), ('first_response'), ('closed')) as t(type)
        cross join lateral (
          select count(*)::int as steps,
            percentile_cont(0.5) within group (order by measured.seconds) as median,
            avg(measured.seconds)::float8 as average,
            count(measured.seconds)::int as measured,
            percentile_cont(0.5) within group (order by e.resolution_seconds) as resolution_median,
            avg(e.resolution_seconds)::float8 as resolution_average,
            count(e.resolution_seconds)::int as resolutions
          from session_events e
          cross join lateral (
            select case t.type when 'assigned' then e.wait_seconds when 'first_response' then e.first_response_seconds
              else e.handle_seconds end as seconds
          ) as measured
          where e.type = t.type and e.occurred_at >= p.starts and e.occurred_at < p.ends ${stepFilter(filters)}
        ) as s`,
    ),
    // A session opened in a period closes after its start: its fate is among that period's steps.
    rowsOf<{ period: number; opened: number; reopened: number; resolved: number }>(
      db,
      sql`select p.period, f.*
        from ${periodRows(periods)}
        cross join lateral (
          select count(*) filter (where opened)::int as opened,
            coalesce(sum(reopenings), 0)::int as reopened,
            count(*) filter (
              where opened and last_closed is not null and (last_reopened is null or last_closed > last_reopened))::int as resolved
          from (
            select bool_or(e.type = 'created') as opened,
              count(*) filter (where e.type = 'reopened') as reopenings,
              max(e.occurred_at) filter (where e.type = 'closed') as last_closed,
              max(e.occurred_at) filter (where e.type = 'reopened') as last_reopened
            from session_events e
            where e.type in ('created', 'closed', 'reopened') and e.occurred_at >= p.starts and e.occurred_at < p.ends
              ${stepFilter(filters)}
            group by e.conversation_id
          ) as fates
        ) as f`,
    ),
  ]);
  return periods.map((_, index) => {
    const ofPeriod = groups.filter((group) => Number(group.period) === index);
    const group = (type: string) => ofPeriod.find((candidate) => candidate.type === type);
    const fate = fates.find((row) => Number(row.period) === index);
    const figures: StepFigures = {
      period: index,
      opened: fate?.opened ?? 0,
      closed: group("closed")?.steps ?? 0,
      reopened: fate?.reopened ?? 0,
      resolved: fate?.resolved ?? 0,
    };
    for (const [type, measure] of Object.entries(MEASURE_OF_STEP)) {
      const step = group(type);
      Object.assign(figures, {
        [`${measure}_median`]: step?.median ?? null,
        [`${measure}_average`]: step?.average ?? null,
        [`${measure}_count`]: step?.measured ?? 0,
      });
    }
    const closed = group("closed");
    Object.assign(figures, {
      resolution_median: closed?.resolution_median ?? null,
      resolution_average: closed?.resolution_average ?? null,
      resolution_count: closed?.resolutions ?? 0,
    });
    return figures;
  });
}

async function readMessageCounts(db: Database, periods: readonly ReportRange[], filters: ReportFilters) {
  const talliedUntil = await readMessagesTalliedUntil(db);
  const counts = periods.map(
    (period, index) => sql`select ${sql.raw(String(index))} as period,
        coalesce(sum(q.messages_in), 0)::int as messages_in, coalesce(sum(q.messages_out), 0)::int as messages_out
      from ${messageQuarters(period, filters, talliedUntil)}`,
  );
  const rows = await rowsOf<{ period: number; messages_in: number; messages_out: number }>(db, sql.join(counts, sql` union all `));
  return byPeriod(rows, periods.length, () => ({ period: 0, messages_in: 0, messages_out: 0 }));
}
