import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { openReportExport, type CreateContext } from "@parley/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { stringify } from "csv-stringify";

import type { RequestReader } from "./request-info";
import { sendError } from "./respond";

export const REPORT_EXPORT_PREFIX = "/reports/export";
const EXPORT_PATH = /^\/reports\/export\/([a-z-]+)\.csv$/;

/**
 * `GET /reports/export/{report}.csv?from&to&timeZone[&teamId][&agentId][&granularity]`:
 * a report, or the session list (`sessions.csv`), as CSV. Callers are recognised exactly
 * as on tRPC (session cookie or API key) and admitted as the report procedures admit
 * them. Rows go out as the database yields them, at the pace the client reads.
 */
export function createReportExportHandler(options: { createContext: CreateContext; readRequest: RequestReader }) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendError(res, 405, "METHOD_NOT_SUPPORTED", "Use GET.");
    }
    const report = EXPORT_PATH.exec(pathname)?.[1];
    if (!report) return sendError(res, 404, "NOT_FOUND", `Reports download as ${REPORT_EXPORT_PREFIX}/{report}.csv`);

    const ctx = await options.createContext(options.readRequest(req, "http"));
    const parameters = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
    let table;
    try {
      table = await openReportExport(ctx, ctx.viewer, report, parameters);
    } catch (error) {
      if (error instanceof TRPCError) return sendError(res, getHTTPStatusCodeFromError(error), error.code, error.message);
      throw error;
    }

    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    // Cells starting with = + - @ are prefixed so that spreadsheets do not run customers' text as formulas.
    const csv = stringify({ header: true, columns: table.columns, escape_formulas: true });
    try {
      await pipeline(Readable.from(table.rows), csv, res);
    } catch (error) {
      // A reader that goes away mid-file is no error of ours; the database failing is.
      if ((error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE") return;
      throw error;
    }
  };
}
