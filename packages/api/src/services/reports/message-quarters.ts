import { sql } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { ceilToQuarterHour, floorToQuarterHour, quarterHourOf } from "./buckets";
import { inTeamNow, MESSAGE_OUT, supportMessages, within, type ReportFilters } from "./report-sql";

interface Window {
  start: Date;
  end: Date;
}

/** Which part of a period the tallies answer, and which the messages themselves. */
export interface MessageSources {
  tallied: Window | null;
  read: Window[];
}

/**
 * Splits a period at the tallies' edges: the whole quarter hours inside it that are
 * tallied come from `message_tallies`; the part before its first whole quarter, and
 * everything from the mark on (the last minutes, or a period ending mid-quarter), from
 * the messages. An agent's figures always come from the messages: they depend on who
 * wrote each one, which tallies do not keep, and an agent's share is small.
 */
export function messageSources(period: Window, filters: ReportFilters, talliedUntil: Date | null): MessageSources {
  if (!talliedUntil || filters.agentId) return { tallied: null, read: [period] };
  const start = ceilToQuarterHour(period.start);
  const end = new Date(Math.min(floorToQuarterHour(period.end).getTime(), talliedUntil.getTime()));
  if (start >= end) return { tallied: null, read: [period] };
  const read = [
    { start: period.start, end: start },
    { start: end, end: period.end },
  ].filter((window) => window.start < window.end);
  return { tallied: { start, end }, read };
}

/**
 * A period's public support messages as a derived table `q(quarter, messages_in,
 * messages_out)`, several rows per quarter at times: from the tallies where they answer,
 * from the messages elsewhere, with the same team and agent meaning as `supportMessages`.
 */
export function messageQuarters(period: Window, filters: ReportFilters, talliedUntil: Date | null): SQL {
  const sources = messageSources(period, filters, talliedUntil);
  const parts = sources.read.map(
    (window) => sql`select ${quarterHourOf(sql`m.created_at`)} as quarter,
        count(*) - count(*) filter (where ${MESSAGE_OUT}) as messages_in, count(*) filter (where ${MESSAGE_OUT}) as messages_out
      from ${supportMessages(within(sql`m.created_at`, window), filters)}
      group by 1`,
  );
  if (sources.tallied) {
    parts.push(sql`select t.quarter, t.messages_in::bigint, t.messages_out::bigint
      from message_tallies t
      where ${within(sql`t.quarter`, sources.tallied)} ${filters.teamId ? sql`and ${inTeamNow(sql`t.conversation_id`, filters.teamId)}` : sql``}`);
  }
  return sql`(${sql.join(parts, sql` union all `)}) as q`;
}
