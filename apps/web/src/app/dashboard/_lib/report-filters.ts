import { DEFAULT_PRESET, isIsoDay, presetRange, todayIn, type DateRange, type IsoDay } from "./date-range";

/** Bucket sizes the trend charts offer (the reports also know months). */
export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Everything the dashboard's URL says: the period, the team and agent, the bucket size. */
export interface ReportFilters extends DateRange {
  timeZone: string;
  teamId?: string;
  agentId?: string;
  granularity: Granularity;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query-string names, short because people share these links. */
export const FILTER_PARAMS = { from: "from", to: "to", team: "team", agent: "agent", by: "by" } as const;

/**
 * Reads the filters from a query string. Anything missing or unreadable falls back to the
 * default (the last 30 days, all teams, all agents, by day) rather than failing the page.
 */
export function readFilters(params: URLSearchParams, timeZone: string, today: IsoDay = todayIn(timeZone)): ReportFilters {
  const from = params.get(FILTER_PARAMS.from);
  const to = params.get(FILTER_PARAMS.to);
  const range = isIsoDay(from) && isIsoDay(to) && from <= to ? { from, to } : presetRange(DEFAULT_PRESET, today);
  const team = params.get(FILTER_PARAMS.team);
  const agent = params.get(FILTER_PARAMS.agent);
  const by = params.get(FILTER_PARAMS.by);
  return {
    ...range,
    timeZone,
    teamId: team && UUID.test(team) ? team : undefined,
    agentId: agent && UUID.test(agent) ? agent : undefined,
    granularity: GRANULARITIES.includes(by as Granularity) ? (by as Granularity) : "day",
  };
}

/** The query string for `filters`, leaving out what is at its default. */
export function writeFilters(filters: Omit<ReportFilters, "timeZone">): URLSearchParams {
  const params = new URLSearchParams({ [FILTER_PARAMS.from]: filters.from, [FILTER_PARAMS.to]: filters.to });
  if (filters.teamId) params.set(FILTER_PARAMS.team, filters.teamId);
  if (filters.agentId) params.set(FILTER_PARAMS.agent, filters.agentId);
  if (filters.granularity !== "day") params.set(FILTER_PARAMS.by, filters.granularity);
  return params;
}

/** The input every report procedure takes. */
export function reportInputOf(filters: ReportFilters) {
  return {
    from: filters.from,
    to: filters.to,
    timeZone: filters.timeZone,
    teamId: filters.teamId,
    agentId: filters.agentId,
  };
}
