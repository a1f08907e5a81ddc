import { TRPCError } from "@trpc/server";
import type { Database } from "@parley/db";
import { z } from "zod";

import type { Viewer } from "../../../context";
import { agentTrendInput, bucketedReportInput, reportInput } from "../../../schemas/reports";
import { readAgentPerformance } from "../agent-performance";
import { readAgentTrend } from "../agent-trend";
import { readCsatByAgent } from "../csat-by-agent";
import { csatCommentsQuery, keysetOfComment, type CsatCommentRow } from "../csat-comments";
import { readCsatSummary } from "../csat-summary";
import { readCsatTrend } from "../csat-trend";
import { assertDashboardReader } from "../dashboard-access";
import { readHeatmap } from "../heatmap";
import { readOverview, OVERVIEW_KPIS } from "../overview";
import { readVolume } from "../volume";
import { rangeOf, type ReportRange } from "../report-range";
import type { ReportFilters } from "../report-sql";
import { sessionListQuery, type SessionListRow } from "../session-list";
import { streamRows } from "./row-stream";

type Cell = string | number | null;

/** A report as a table: a header and rows, produced lazily for the long ones. */
export interface ReportTable {
  fileName: string;
  columns: string[];
  rows: AsyncIterable<Cell[]>;
}

interface ExportContext {
  db: Database;
  range: ReportRange;
  filters: ReportFilters;
  now: Date;
}

interface ReportExport<Input extends z.ZodType> {
  input: Input;
  columns: string[];
  /** Bounded reports compute their rows before answering; long lists stream them. */
  rows(context: ExportContext, input: z.output<Input>): Promise<AsyncIterable<Cell[]>> | AsyncIterable<Cell[]>;
}

function defineExport<Input extends z.ZodType>(definition: ReportExport<Input>): ReportExport<Input> {
  return definition;
}

async function* each<T>(items: Iterable<T>, toRow: (item: T) => Cell[]): AsyncGenerator<Cell[]> {
  for (const item of items) yield toRow(item);
}

const AGENT_FIGURE_COLUMNS = [
  "sessions_handled",
  "median_first_response_seconds",
  "average_handle_seconds",
  "csat_responses",
  "csat_score",
  "time_online_seconds",
];

const SESSION_COLUMNS = [
  "id",
  "status",
  "priority",
  "subject",
  "team",
  "customer",
  "customer_email",
  "agent",
  "external_ref",
  "created_at",
  "assigned_at",
  "first_response_at",
  "closed_at",
  "wait_seconds",
  "first_response_seconds",
  "handle_seconds",
  "resolution_seconds",
  "csat_rating",
  "csat_comment",
] as const;

/** Every report, by the name its CSV is downloaded under. */
const REPORT_EXPORTS = {
  overview: defineExport({
    input: reportInput,
    columns: ["kpi", "current", "previous", "difference", "change_ratio"],
    async rows({ db, range, filters }) {
      const overview = await readOverview(db, range, filters);
      return each(OVERVIEW_KPIS, (name) => {
        const kpi = overview.kpis[name];
        return [name, kpi.current, kpi.previous, kpi.difference, kpi.changeRatio];
      });
    },
  }),
  volume: defineExport({
    input: bucketedReportInput,
    columns: ["bucket", "sessions_opened", "sessions_closed", "messages_in", "messages_out"],
    async rows({ db, range, filters }, input) {
      const buckets = await readVolume(db, range, filters, input.granularity);
      return each(buckets, (b) => [b.bucket, b.sessionsOpened, b.sessionsClosed, b.messagesIn, b.messagesOut]);
    },
  }),
  heatmap: defineExport({
    input: reportInput,
    columns: ["day_of_week", "hour", "sessions_opened"],
    async rows({ db, range, filters }) {
      const heatmap = await readHeatmap(db, range, filters);
      return each(heatmap.cells, (cell) => [cell.dayOfWeek, cell.hour, cell.sessionsOpened]);
    },
  }),
  csat: defineExport({
    input: reportInput,
    columns: ["metric", "value"],
    async rows({ db, range, filters }) {
      const csat = await readCsatSummary(db, range, filters);
      return each<[string, number | null]>(
        [
          ["responses", csat.responses],
          ["satisfied", csat.satisfied],
          ["score", csat.score],
          ["average_rating", csat.averageRating],
          ...csat.distribution.map(({ rating, count }): [string, number] => [`rated_${rating}`, count]),
          ["asked", csat.asked],
          ["answered", csat.answered],
          ["response_rate", csat.responseRate],
        ],
        (pair) => pair,
      );
    },
  }),
  "csat-trend": defineExport({
    input: bucketedReportInput,
    columns: ["bucket", "responses", "score", "average_rating"],
    async rows({ db, range, filters }, input) {
      const buckets = await readCsatTrend(db, range, filters, input.granularity);
      return each(buckets, (b) => [b.bucket, b.responses, b.score, b.averageRating]);
    },
  }),
  "csat-agents": defineExport({
    input: reportInput,
    columns: ["agent_id", "agent", "responses", "score", "average_rating"],
    async rows({ db, range, filters }) {
      const agents = await readCsatByAgent(db, range, filters);
      return each(agents, (a) => [a.agentId, a.agentName, a.responses, a.score, a.averageRating]);
    },
  }),
  "csat-comments": defineExport({
    input: reportInput,
    columns: ["created_at", "rating", "comment", "agent", "customer", "subject", "session_id"],
    rows({ db, range, filters }) {
      return mapRows(
        streamRows<CsatCommentRow>(db, (after, limit) => csatCommentsQuery(range, filters, after, limit), keysetOfComment),
        (row) => [row.created_at_local, row.rating, row.comment, row.agent_name, row.customer_name, row.subject, row.session_id],
      );
    },
  }),
  agents: defineExport({
    input: reportInput,
    columns: ["agent_id", "agent", ...AGENT_FIGURE_COLUMNS],
    async rows({ db, range, filters, now }) {
      const agents = await readAgentPerformance(db, range, filters, now);
      return each(agents, (a) => [
        a.agentId,
        a.agentName,
        a.sessionsHandled,
        a.medianFirstResponseSeconds,
        a.averageHandleSeconds,
        a.csatResponses,
        a.csatScore,
        a.timeOnlineSeconds,
      ]);
    },
  }),
  "agent-trend": defineExport({
    input: agentTrendInput,
    columns: ["bucket", ...AGENT_FIGURE_COLUMNS],
    async rows({ db, range, now }, input) {
      const buckets = await readAgentTrend(db, range, { teamId: input.teamId, agentId: input.agentId }, input.granularity, now);
      return each(buckets, (b) => [
        b.bucket,
        b.sessionsHandled,
        b.medianFirstResponseSeconds,
        b.averageHandleSeconds,
        b.csatResponses,
        b.csatScore,
        b.timeOnlineSeconds,
      ]);
    },
  }),
  sessions: defineExport({
    input: reportInput,
    columns: [...SESSION_COLUMNS],
    rows({ db, range, filters }) {
      return mapRows(
        streamRows<SessionListRow>(db, (after, limit) => sessionListQuery(range, filters, after, limit), (row) => ({
          createdAt: row.key_created_at,
          id: row.id,
        })),
        (row) => SESSION_COLUMNS.map((column) => (row[column] ?? null) as Cell),
      );
    },
  }),
};

export type ReportExportName = keyof typeof REPORT_EXPORTS;
export const REPORT_EXPORT_NAMES = Object.keys(REPORT_EXPORTS) as ReportExportName[];

async function* mapRows<Row>(rows: AsyncIterable<Row>, toRow: (row: Row) => Cell[]): AsyncGenerator<Cell[]> {
  for await (const row of rows) yield toRow(row);
}

function isExportName(name: string): name is ReportExportName {
  return Object.hasOwn(REPORT_EXPORTS, name);
}

/**
 * Opens a report for download as a table, after the same checks as its procedure: who is
 * asking (admins and keys with dashboard:read), then the query parameters (BAD_REQUEST with
 * the reasons). `parameters` are the URL's query parameters.
 */
export async function openReportExport(
  deps: { db: Database },
  viewer: Viewer | null,
  name: string,
  parameters: Record<string, string>,
  now = new Date(),
): Promise<ReportTable> {
  assertDashboardReader(viewer);
  if (!isExportName(name)) {
    throw new TRPCError({ code: "NOT_FOUND", message: `No report called "${name}"; try one of ${REPORT_EXPORT_NAMES.join(", ")}.` });
  }
  const definition = REPORT_EXPORTS[name] as ReportExport<z.ZodType<Record<string, unknown> & { from: string; to: string; timeZone: string }>>;
  const parsed = definition.input.safeParse(parameters);
  if (!parsed.success) {
    throw new TRPCError({ code: "BAD_REQUEST", message: z.prettifyError(parsed.error), cause: parsed.error });
  }
  const input = parsed.data;
  const filters = { teamId: input.teamId as string | undefined, agentId: input.agentId as string | undefined };
  const rows = await definition.rows({ db: deps.db, range: rangeOf(input), filters, now }, input);
  return { fileName: fileNameOf(name, input), columns: definition.columns, rows };
}

function fileNameOf(name: string, input: { from: string; to: string }): string {
  const safe = (text: string) => text.replace(/[^0-9A-Za-z-]+/g, "");
  return `parley-${name}-${safe(input.from)}-to-${safe(input.to)}.csv`;
}
