"use client";

import { buttonClassName, IconDownload } from "@parley/ui";

import { useApiEndpoints } from "~/trpc/react";
import { exportUrl, type ExportName } from "../_lib/export-url";
import type { ReportFilters } from "../_lib/report-filters";

/**
 * A link to a report's CSV on apps/server. The browser follows it like any download and
 * sends the session cookie, so the file streams straight from the server, however long.
 */
export function ExportLink({
  report,
  filters,
  label,
  children = "CSV",
}: {
  report: ExportName;
  filters: ReportFilters;
  /** What the file holds, for screen readers: "Download {label} as CSV". */
  label: string;
  children?: string;
}) {
  const { base } = useApiEndpoints();
  return (
    <a
      href={exportUrl(base, report, filters)}
      download
      aria-label={`Download ${label} as CSV`}
      className={buttonClassName({ variant: "ghost", size: "sm", className: "-my-1" })}
    >
      <IconDownload aria-hidden="true" />
      {children}
    </a>
  );
}
