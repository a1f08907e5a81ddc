import { z } from "zod";

import {
  agentPerformanceSchema,
  agentTrendInput,
  agentTrendSchema,
  bucketedReportInput,
  csatByAgentSchema,
  csatCommentsInput,
  csatCommentsSchema,
  csatSummarySchema,
  csatTrendSchema,
  filterOptionsSchema,
  heatmapSchema,
  liveFiltersInput,
  liveOperationsSchema,
  overviewSchema,
  reportInput,
  volumeSchema,
} from "../schemas/reports";
import { zAsyncIterable } from "../lib/z-async-iterable";
import { readAgentPerformance } from "../services/reports/agent-performance";
import { readAgentTrend } from "../services/reports/agent-trend";
import { readCsatByAgent } from "../services/reports/csat-by-agent";
import { readCsatComments } from "../services/reports/csat-comments";
import { readCsatSummary } from "../services/reports/csat-summary";
import { readCsatTrend } from "../services/reports/csat-trend";
import { DASHBOARD_ACCESS } from "../services/reports/dashboard-access";
import { readFilterOptions } from "../services/reports/filter-options";
import { readHeatmap } from "../services/reports/heatmap";
import { decodeCursor } from "../services/reports/keyset";
import { readLiveOperations } from "../services/reports/live-operations";
import { readOverview } from "../services/reports/overview";
import { rangeOf } from "../services/reports/report-range";
import { readVolume } from "../services/reports/volume";
import { watchLiveOperations } from "../services/reports/watch-live-operations";
import { adminProcedure, createTRPCRouter, roleOrApiKeyProcedure, type ParleyMeta } from "../trpc";

const reportProcedure = roleOrApiKeyProcedure(DASHBOARD_ACCESS.roles, DASHBOARD_ACCESS.scope);

const rest = (path: `/reports/${string}`, summary: string): ParleyMeta => ({
  openapi: {
    method: "GET",
    path,
    tags: ["reports"],
    summary,
    description: `Admins, or API keys with the ${DASHBOARD_ACCESS.scope} scope. Days and hours are counted in timeZone.`,
    protect: true,
  },
});

const filtersOf = (input: { teamId?: string; agentId?: string }) => ({ teamId: input.teamId, agentId: input.agentId });

/** The admin dashboard's figures, computed in SQL from the reporting ledger, ratings and messages. */
export const reportsRouter = createTRPCRouter({
  /** The teams and staff the dashboard's filters offer. */
  filters: reportProcedure
    .meta(rest("/reports/filters", "Teams and agents to filter reports by"))
    .input(z.void())
    .output(filterOptionsSchema)
    .query(({ ctx }) => readFilterOptions(ctx.db)),

  overview: reportProcedure
    .meta(rest("/reports/overview", "KPIs of a period, with the change against the period before"))
    .input(reportInput)
    .output(overviewSchema)
    .query(({ ctx, input }) => readOverview(ctx.db, rangeOf(input), filtersOf(input))),

  volume: reportProcedure
    .meta(rest("/reports/volume", "Sessions and messages per day, week or month"))
    .input(bucketedReportInput)
    .output(volumeSchema)
    .query(({ ctx, input }) => readVolume(ctx.db, rangeOf(input), filtersOf(input), input.granularity)),

  heatmap: reportProcedure
    .meta(rest("/reports/heatmap", "Sessions opened by day of the week and hour, and the busiest hours"))
    .input(reportInput)
    .output(heatmapSchema)
    .query(({ ctx, input }) => readHeatmap(ctx.db, rangeOf(input), filtersOf(input))),

  csat: reportProcedure
    .meta(rest("/reports/csat", "CSAT score, average rating, distribution and response rate"))
    .input(reportInput)
    .output(csatSummarySchema)
    .query(({ ctx, input }) => readCsatSummary(ctx.db, rangeOf(input), filtersOf(input))),

  csatTrend: reportProcedure
    .meta(rest("/reports/csat/trend", "CSAT per day, week or month"))
    .input(bucketedReportInput)
    .output(csatTrendSchema)
    .query(({ ctx, input }) => readCsatTrend(ctx.db, rangeOf(input), filtersOf(input), input.granularity)),

  csatByAgent: reportProcedure
    .meta(rest("/reports/csat/agents", "CSAT per agent"))
    .input(reportInput)
    .output(csatByAgentSchema)
    .query(({ ctx, input }) => readCsatByAgent(ctx.db, rangeOf(input), filtersOf(input))),

  csatComments: reportProcedure
    .meta(rest("/reports/csat/comments", "The latest ratings with a comment, a page at a time"))
    .input(csatCommentsInput)
    .output(csatCommentsSchema)
    .query(({ ctx, input }) =>
      readCsatComments(ctx.db, rangeOf(input), filtersOf(input), {
        limit: input.limit,
        after: input.cursor ? decodeCursor(input.cursor) : null,
      }),
    ),

  agents: reportProcedure
    .meta(rest("/reports/agents", "Agents ranking: sessions handled, response and handle times, CSAT, time online"))
    .input(reportInput)
    .output(agentPerformanceSchema)
    .query(({ ctx, input }) => readAgentPerformance(ctx.db, rangeOf(input), filtersOf(input), new Date())),

  agentTrend: reportProcedure
    .meta(rest("/reports/agents/{agentId}/trend", "One agent's figures per day, week or month"))
    .input(agentTrendInput)
    .output(agentTrendSchema)
    .query(({ ctx, input }) =>
      readAgentTrend(ctx.db, rangeOf(input), { teamId: input.teamId, agentId: input.agentId }, input.granularity, new Date()),
    ),

  live: reportProcedure
    .meta(rest("/reports/live", "The desk right now: waiting, active, agents online, longest wait, messages per minute"))
    .input(liveFiltersInput)
    .output(liveOperationsSchema)
    .query(({ ctx, input }) => readLiveOperations(ctx.db, filtersOf(input), new Date())),

  /** The live panel, pushed when the queue changes (at most once a second) and every 5 s. */
  liveOperations: adminProcedure
    .input(liveFiltersInput.optional())
    .output(zAsyncIterable({ yield: liveOperationsSchema }))
    .subscription(({ ctx, input, signal }) => watchLiveOperations(ctx, filtersOf(input ?? {}), signal)),
});
