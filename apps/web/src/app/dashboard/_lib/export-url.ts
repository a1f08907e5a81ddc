import type { ReportFilters } from "./report-filters";

/** The CSV downloads apps/server offers (GET /reports/export/{report}.csv). */
export type ExportName =
  | "overview"
  | "volume"
  | "heatmap"
  | "csat"
  | "csat-trend"
  | "csat-agents"
  | "csat-comments"
  | "agents"
  | "agent-trend"
  | "sessions";

/**
 * Where a report downloads as CSV, with the dashboard's filters. The link is followed by
 * the browser itself, which sends the session cookie to the API as to any page it opens.
 */
export function exportUrl(apiBase: string, report: ExportName, filters: ReportFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to, timeZone: filters.timeZone });
  if (filters.teamId) params.set("teamId", filters.teamId);
  if (filters.agentId) params.set("agentId", filters.agentId);
  if (report.endsWith("trend") || report === "volume") params.set("granularity", filters.granularity);
  return `${apiBase}/reports/export/${report}.csv?${params.toString()}`;
}
