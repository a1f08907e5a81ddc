"use client";

import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";

import { BarChart } from "~/components/charts/bar-chart";
import { ChartSkeleton } from "~/components/charts/chart-skeleton";
import { HeatmapGrid } from "~/components/charts/heatmap-grid";
import { LineChart } from "~/components/charts/line-chart";
import { useTRPC } from "~/trpc/react";
import { bucketLabel } from "../_lib/bucket-label";
import { reportInputOf } from "../_lib/report-filters";
import { useReportFilters } from "../_lib/use-report-filters";
import { ExportLink } from "./export-link";
import { GranularitySelect } from "./granularity-select";
import { cardStateOf, ReportCard } from "./report-card";

/** How much came in: sessions and messages over the period, and when in the week they arrive. */
export function VolumeReports() {
  const trpc = useTRPC();
  const state = useReportFilters();
  const filters = state?.filters ?? null;
  const volume = useQuery({
    ...trpc.reports.volume.queryOptions(filters ? { ...reportInputOf(filters), granularity: filters.granularity } : skipToken),
    placeholderData: keepPreviousData,
  });
  const heatmap = useQuery({
    ...trpc.reports.heatmap.queryOptions(filters ? reportInputOf(filters) : skipToken),
    placeholderData: keepPreviousData,
  });
  const unit = filters?.granularity ?? "day";
  const labels = () => volume.data!.map((bucket) => bucketLabel(bucket.bucket, unit));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ReportCard
        title="Sessions"
        description="Sessions opened and closed."
        query={cardStateOf(volume)}
        loading={<ChartSkeleton height={260} />}
        actions={
          state && (
            <>
              <GranularitySelect value={unit} onChange={(granularity) => state.update({ granularity })} />
              <ExportLink report="volume" filters={state.filters} label="sessions and messages per period" />
            </>
          )
        }
      >
        {() => (
          <BarChart
            title={`Sessions opened and closed, ${unit} by ${unit}`}
            height={260}
            labels={labels()}
            series={[
              { label: "Opened", data: volume.data!.map((bucket) => bucket.sessionsOpened) },
              { label: "Closed", data: volume.data!.map((bucket) => bucket.sessionsClosed) },
            ]}
          />
        )}
      </ReportCard>

      <ReportCard
        title="Messages"
        description="Messages from customers and from your team."
        query={cardStateOf(volume)}
        loading={<ChartSkeleton height={260} />}
        actions={state && <ExportLink report="volume" filters={state.filters} label="sessions and messages per period" />}
      >
        {() => (
          <LineChart
            title={`Messages in and out, ${unit} by ${unit}`}
            height={260}
            labels={labels()}
            series={[
              { label: "From customers", data: volume.data!.map((bucket) => bucket.messagesIn) },
              { label: "From agents", data: volume.data!.map((bucket) => bucket.messagesOut) },
            ]}
          />
        )}
      </ReportCard>

      <ReportCard
        className="lg:col-span-2"
        title="Busiest hours"
        description="Sessions opened by day of the week and hour, in your time zone."
        query={cardStateOf(heatmap)}
        loading={<ChartSkeleton height={200} />}
        actions={state && <ExportLink report="heatmap" filters={state.filters} label="sessions by day of the week and hour" />}
      >
        {() => (
          <div className="flex flex-col gap-4">
            <HeatmapGrid
              title="Sessions opened by day of the week (rows) and hour (columns)"
              unit="sessions"
              cells={heatmap.data!.cells.map((cell) => ({ ...cell, value: cell.sessionsOpened }))}
            />
            {heatmap.data!.busiestHours.length > 0 && (
              <p className="text-sm text-fg-muted">
                Busiest hours:{" "}
                {heatmap.data!.busiestHours
                  .slice(0, 3)
                  .map(({ hour, sessionsOpened }) => `${hour}:00–${hour + 1}:00 (${sessionsOpened})`)
                  .join(", ")}
              </p>
            )}
          </div>
        )}
      </ReportCard>
    </div>
  );
}
