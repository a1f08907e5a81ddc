"use client";

import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";

import { LineChart } from "~/components/charts/line-chart";
import { ChartSkeleton } from "~/components/charts/chart-skeleton";
import { useTRPC } from "~/trpc/react";
import { bucketLabel } from "../_lib/bucket-label";
import { formatRange } from "../_lib/date-range";
import { reportInputOf } from "../_lib/report-filters";
import { useReportFilters } from "../_lib/use-report-filters";
import { ExportLink } from "./export-link";
import { KpiCards } from "./kpi-cards";
import { LiveOperations } from "./live-operations";
import { cardStateOf, ReportCard } from "./report-card";

/** The overview: the desk right now, the period's KPIs, and its conversations day by day. */
export function OverviewReports() {
  const trpc = useTRPC();
  const state = useReportFilters();
  const filters = state?.filters ?? null;
  const input = filters ? reportInputOf(filters) : skipToken;
  const overview = useQuery({ ...trpc.reports.overview.queryOptions(input), placeholderData: keepPreviousData });
  const volume = useQuery({
    ...trpc.reports.volume.queryOptions(filters ? { ...reportInputOf(filters), granularity: filters.granularity } : skipToken),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="flex flex-col gap-6">
      <LiveOperations filters={filters} />

      <section aria-labelledby="kpi-title" aria-busy={overview.isFetching} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="kpi-title" className="text-lg font-semibold tracking-tight text-fg">
              {filters ? formatRange(filters) : "This period"}
            </h2>
            <p className="text-sm text-fg-muted">Against the period of the same length just before it.</p>
          </div>
          {filters && (
            <div className="flex gap-1">
              <ExportLink report="overview" filters={filters} label="the key figures">
                KPIs CSV
              </ExportLink>
              <ExportLink report="sessions" filters={filters} label="the sessions of the period">
                Sessions CSV
              </ExportLink>
            </div>
          )}
        </div>
        {overview.isError && !overview.data ? (
          <p role="alert" className="text-sm text-danger-text">
            The key figures could not be loaded: {overview.error.message}
          </p>
        ) : (
          <KpiCards overview={overview.data} />
        )}
      </section>

      <ReportCard
        title="Conversations"
        description="Conversations opened and resolved."
        query={cardStateOf(volume)}
        loading={<ChartSkeleton height={260} />}
        actions={filters && <ExportLink report="volume" filters={filters} label="conversations and messages per day" />}
      >
        {() => (
          <LineChart
            title={`Conversations opened and resolved, ${filters!.granularity} by ${filters!.granularity}`}
            height={260}
            labels={volume.data!.map((bucket) => bucketLabel(bucket.bucket, filters!.granularity))}
            series={[
              { label: "Opened", data: volume.data!.map((bucket) => bucket.sessionsOpened) },
              { label: "Resolved", data: volume.data!.map((bucket) => bucket.sessionsClosed) },
            ]}
          />
        )}
      </ReportCard>
    </div>
  );
}
