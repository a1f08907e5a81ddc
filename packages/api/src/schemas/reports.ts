import { z } from "zod";

import { GRANULARITIES } from "../services/reports/buckets";
import { OVERVIEW_KPIS } from "../services/reports/overview";
import { resolveReportRange, type RangeRequest } from "../services/reports/report-range";

/** The period and filters every report takes. Dates are read in the admin's time zone. */
const reportRangeShape = {
  from: z.string().trim().max(40).describe("First day (2026-03-01) or moment (2026-03-01T09:00:00Z) of the period."),
  to: z.string().trim().max(40).describe("Last day, included (2026-03-31), or end moment, excluded."),
  timeZone: z.string().trim().max(64).describe("The IANA time zone days and hours are counted in, e.g. Europe/Paris."),
  teamId: z.uuid().optional().describe("Only this team's sessions."),
  agentId: z.uuid().optional().describe("Only this agent's work."),
};

const granularity = z.enum(GRANULARITIES).default("day").describe("Bucket size: day, week (from Monday) or month.");

/** Checks the period as a whole (readable, known time zone, in order, at most 400 days). */
function withValidRange<T extends z.ZodObject>(schema: T): T {
  return schema.superRefine((input, ctx) => {
    const range = resolveReportRange(input as RangeRequest);
    if ("problem" in range) ctx.addIssue({ code: "custom", message: range.problem, path: [range.field] });
  }) as T;
}

export const reportInput = withValidRange(z.object(reportRangeShape));
export const bucketedReportInput = withValidRange(z.object({ ...reportRangeShape, granularity }));
export const agentTrendInput = withValidRange(
  z.object({ ...reportRangeShape, agentId: z.uuid().describe("The agent whose trend this is."), granularity }),
);
export const csatCommentsInput = withValidRange(
  z.object({
    ...reportRangeShape,
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(100).optional().describe("nextCursor of the previous page."),
  }),
);
export const liveFiltersInput = z.object({ teamId: reportRangeShape.teamId, agentId: reportRangeShape.agentId });

const seconds = z.number().nonnegative().nullable();
const rate = z.number().min(0).max(1).nullable();

const kpiSchema = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  difference: z.number().nullable(),
  changeRatio: z.number().nullable(),
});

export const overviewSchema = z.object({
  period: z.object({ start: z.date(), end: z.date() }),
  previousPeriod: z.object({ start: z.date(), end: z.date() }),
  kpis: z.object(Object.fromEntries(OVERVIEW_KPIS.map((name) => [name, kpiSchema])) as Record<(typeof OVERVIEW_KPIS)[number], typeof kpiSchema>),
});

const bucketFields = { bucket: z.string(), startsAt: z.date() };

export const volumeSchema = z.array(
  z.object({
    ...bucketFields,
    sessionsOpened: z.number().int().nonnegative(),
    sessionsClosed: z.number().int().nonnegative(),
    messagesIn: z.number().int().nonnegative(),
    messagesOut: z.number().int().nonnegative(),
  }),
);

export const heatmapSchema = z.object({
  cells: z.array(
    z.object({ dayOfWeek: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23), sessionsOpened: z.number().int().nonnegative() }),
  ),
  busiestHours: z.array(z.object({ hour: z.number().int().min(0).max(23), sessionsOpened: z.number().int().positive() })),
});

export const csatSummarySchema = z.object({
  responses: z.number().int().nonnegative(),
  satisfied: z.number().int().nonnegative(),
  score: rate,
  averageRating: z.number().min(1).max(5).nullable(),
  distribution: z.array(z.object({ rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]), count: z.number().int().nonnegative() })),
  asked: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  responseRate: rate,
});

export const csatTrendSchema = z.array(
  z.object({ ...bucketFields, responses: z.number().int().nonnegative(), score: rate, averageRating: z.number().min(1).max(5).nullable() }),
);

export const csatByAgentSchema = z.array(
  z.object({
    agentId: z.uuid(),
    agentName: z.string(),
    responses: z.number().int().positive(),
    score: rate,
    averageRating: z.number().min(1).max(5).nullable(),
  }),
);

export const csatCommentsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      sessionId: z.uuid(),
      rating: z.number().int().min(1).max(5),
      comment: z.string(),
      createdAt: z.date(),
      agentId: z.uuid().nullable(),
      agentName: z.string().nullable(),
      customerName: z.string().nullable(),
      subject: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const agentFigures = {
  sessionsHandled: z.number().int().nonnegative(),
  medianFirstResponseSeconds: seconds,
  averageHandleSeconds: seconds,
  csatResponses: z.number().int().nonnegative(),
  csatScore: rate,
  timeOnlineSeconds: z.number().nonnegative(),
};

export const agentPerformanceSchema = z.array(z.object({ agentId: z.uuid(), agentName: z.string(), ...agentFigures }));

export const agentTrendSchema = z.array(z.object({ ...bucketFields, ...agentFigures }));

export const liveOperationsSchema = z.object({
  at: z.date(),
  waiting: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  agentsOnline: z.number().int().nonnegative(),
  longestWaitSeconds: z.number().int().nonnegative().nullable(),
  messagesPerMinute: z.number().int().nonnegative(),
});

export const filterOptionsSchema = z.object({
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  agents: z.array(
    z.object({ id: z.uuid(), name: z.string(), role: z.enum(["agent", "admin"]), disabled: z.boolean(), teamIds: z.array(z.uuid()) }),
  ),
});
