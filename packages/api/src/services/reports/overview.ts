import type { Database } from "@parley/db";

import { readConversationMetricsOfPeriods, type ConversationMetrics } from "./conversation-metrics";
import { readRatingsOfPeriods } from "./csat-summary";
import { previousRange, type ReportRange } from "./report-range";
import type { ReportFilters } from "./report-sql";

/** A KPI card: the figure, the previous period's, and the change between them. */
export interface Kpi {
  current: number | null;
  previous: number | null;
  /** current - previous: points for rates, seconds for times. */
  difference: number | null;
  /** difference / previous: 0.25 is 25 % up; null when previous is zero or unknown. */
  changeRatio: number | null;
}

export const OVERVIEW_KPIS = [
  "conversationsOpened",
  "conversationsClosed",
  "conversationsReopened",
  "resolutionRate",
  "medianWaitSeconds",
  "averageWaitSeconds",
  "medianFirstResponseSeconds",
  "averageFirstResponseSeconds",
  "medianHandleSeconds",
  "averageHandleSeconds",
  "medianResolutionSeconds",
  "averageResolutionSeconds",
  "messagesIn",
  "messagesOut",
  "csatScore",
  "csatResponses",
] as const;
export type OverviewKpiName = (typeof OVERVIEW_KPIS)[number];

export interface Overview {
  period: { start: Date; end: Date };
  previousPeriod: { start: Date; end: Date };
  kpis: Record<OverviewKpiName, Kpi>;
}

type Figures = Record<OverviewKpiName, number | null>;

function figuresOf(metrics: ConversationMetrics, csat: { score: number | null; responses: number }): Figures {
  return {
    conversationsOpened: metrics.opened,
    conversationsClosed: metrics.closed,
    conversationsReopened: metrics.reopened,
    resolutionRate: metrics.resolutionRate,
    medianWaitSeconds: metrics.waitTime.median,
    averageWaitSeconds: metrics.waitTime.average,
    medianFirstResponseSeconds: metrics.firstResponseTime.median,
    averageFirstResponseSeconds: metrics.firstResponseTime.average,
    medianHandleSeconds: metrics.handleTime.median,
    averageHandleSeconds: metrics.handleTime.average,
    medianResolutionSeconds: metrics.resolutionTime.median,
    averageResolutionSeconds: metrics.resolutionTime.average,
    messagesIn: metrics.messagesIn,
    messagesOut: metrics.messagesOut,
    csatScore: csat.score,
    csatResponses: csat.responses,
  };
}

export function kpi(current: number | null, previous: number | null): Kpi {
  const difference = current === null || previous === null ? null : current - previous;
  return {
    current,
    previous,
    difference,
    changeRatio: difference === null || !previous ? null : difference / previous,
  };
}

/** The overview's KPI cards: the period's figures against the period of the same length before it. */
export async function readOverview(db: Database, range: ReportRange, filters: ReportFilters): Promise<Overview> {
  const before = previousRange(range);
  const [[metrics, previousMetrics], [csat, previousCsat]] = await Promise.all([
    readConversationMetricsOfPeriods(db, [range, before], filters),
    readRatingsOfPeriods(db, [range, before], filters),
  ]);
  const current = figuresOf(metrics!, csat!);
  const previous = figuresOf(previousMetrics!, previousCsat!);
  const kpis = Object.fromEntries(OVERVIEW_KPIS.map((name) => [name, kpi(current[name], previous[name])])) as Overview["kpis"];
  return {
    period: { start: range.start, end: range.end },
    previousPeriod: { start: before.start, end: before.end },
    kpis,
  };
}
