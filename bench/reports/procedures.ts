import type { RouterInputs } from "@parley/api";

type ReportInputs = RouterInputs["reports"];

/** A caller of the reports router, as the server builds it for an admin. */
export type ReportsCaller = {
  [Name in keyof ReportInputs]: (input: ReportInputs[Name]) => Promise<unknown>;
};

export interface Period {
  name: string;
  from: string;
  to: string;
}

/** Every report procedure, called the way the dashboard pages call them for one period. */
export function reportCalls(period: Period, ids: { agentId: string; teamId: string }) {
  const range = { from: period.from, to: period.to, timeZone: "Europe/Paris" };
  return [
    { name: "overview", call: (r: ReportsCaller) => r.overview(range) },
    { name: "overview (one team)", call: (r: ReportsCaller) => r.overview({ ...range, teamId: ids.teamId }) },
    { name: "volume by day", call: (r: ReportsCaller) => r.volume({ ...range, granularity: "day" }) },
    { name: "heatmap", call: (r: ReportsCaller) => r.heatmap(range) },
    { name: "csat", call: (r: ReportsCaller) => r.csat(range) },
    { name: "csatTrend by week", call: (r: ReportsCaller) => r.csatTrend({ ...range, granularity: "week" }) },
    { name: "csatByAgent", call: (r: ReportsCaller) => r.csatByAgent(range) },
    { name: "csatComments (first page)", call: (r: ReportsCaller) => r.csatComments({ ...range, limit: 20 }) },
    { name: "agents", call: (r: ReportsCaller) => r.agents(range) },
    { name: "agentTrend by day", call: (r: ReportsCaller) => r.agentTrend({ ...range, agentId: ids.agentId, granularity: "day" }) },
    { name: "live", call: (r: ReportsCaller) => r.live({}) },
  ];
}
