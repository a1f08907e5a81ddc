"use client";

import { Skeleton, Stat, StatGroup } from "@parley/ui";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";

import { BarChart } from "~/components/charts/bar-chart";
import { ChartSkeleton } from "~/components/charts/chart-skeleton";
import { LineChart } from "~/components/charts/line-chart";
import { useTRPC } from "~/trpc/react";
import { bucketLabel } from "../_lib/bucket-label";
import { reportInputOf } from "../_lib/report-filters";
import { formatFigure, formatPercent } from "../_lib/report-format";
import { useReportFilters } from "../_lib/use-report-filters";
import { CsatComments } from "./csat-comments";
import { ExportLink } from "./export-link";
import { GranularitySelect } from "./granularity-select";
import { cardStateOf, ReportCard } from "./report-card";

const STARS = ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"];

/** What customers said: the score over time, how the ratings spread, per agent, and their comments. */
export function CsatReports() {
  const trpc = useTRPC();
  const state = useReportFilters();
  const filters = state?.filters ?? null;
  const input = filters ? reportInputOf(filters) : skipToken;
  const summary = useQuery({ ...trpc.reports.csat.queryOptions(input), placeholderData: keepPreviousData });
  const trend = useQuery({
    ...trpc.reports.csatTrend.queryOptions(filters ? { ...reportInputOf(filters), granularity: filters.granularity } : skipToken),
    placeholderData: keepPreviousData,
  });
  const byAgent = useQuery({ ...trpc.reports.csatByAgent.queryOptions(input), placeholderData: keepPreviousData });
  const unit = filters?.granularity ?? "day";

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ReportCard
        className="lg:col-span-2"
        title="Satisfaction"
        description="The share of ratings of 4 or 5 stars, out of every rating given."
        query={cardStateOf(summary)}
        loading={<Skeleton className="h-16 w-full" />}
        actions={state && <ExportLink report="csat" filters={state.filters} label="the CSAT summary" />}
      >
        {() => {
          const csat = summary.data!;
          return (
            <StatGroup className="grid-cols-2 sm:grid-cols-4">
              <Stat label="CSAT score" value={<span data-testid="csat-score">{formatFigure(csat.score, "rate")}</span>} />
              <Stat label="Average rating" value={formatFigure(csat.averageRating, "rating")} />
              <Stat label="Ratings" value={formatFigure(csat.responses, "count")} hint={`${csat.satisfied} satisfied`} />
              <Stat
                label="Response rate"
                value={formatFigure(csat.responseRate, "rate")}
                hint={`${csat.answered} of ${csat.asked} asked`}
              />
            </StatGroup>
          );
        }}
      </ReportCard>

      <ReportCard
        title="Score over time"
        query={cardStateOf(trend)}
        loading={<ChartSkeleton height={260} />}
        actions={
          state && (
            <>
              <GranularitySelect value={unit} onChange={(granularity) => state.update({ granularity })} />
              <ExportLink report="csat-trend" filters={state.filters} label="CSAT per period" />
            </>
          )
        }
      >
        {() => (
          <LineChart
            title={`CSAT score, ${unit} by ${unit}`}
            height={260}
            max={1}
            format={formatPercent}
            labels={trend.data!.map((bucket) => bucketLabel(bucket.bucket, unit))}
            series={[{ label: "CSAT score", data: trend.data!.map((bucket) => bucket.score) }]}
          />
        )}
      </ReportCard>

      <ReportCard
        title="Ratings"
        description="How many ratings of each number of stars."
        query={cardStateOf(summary)}
        loading={<ChartSkeleton height={260} />}
      >
        {() => (
          <BarChart
            title="Number of ratings by stars"
            height={260}
            labels={STARS}
            series={[
              {
                label: "Ratings",
                data: STARS.map((_, index) => summary.data!.distribution.find((row) => row.rating === index + 1)?.count ?? 0),
              },
            ]}
          />
        )}
      </ReportCard>

      <ReportCard
        title="By agent"
        description="CSAT of the sessions each agent handled."
        query={cardStateOf(byAgent)}
        loading={<ChartSkeleton height={260} />}
        actions={state && <ExportLink report="csat-agents" filters={state.filters} label="CSAT per agent" />}
      >
        {() =>
          byAgent.data!.length === 0 ? (
            <p className="text-sm text-fg-muted">No ratings in this period.</p>
          ) : (
            <BarChart
              title="CSAT score per agent"
              horizontal
              height={Math.max(160, byAgent.data!.length * 36)}
              max={1}
              format={formatPercent}
              labels={byAgent.data!.map((agent) => `${agent.agentName} (${agent.responses})`)}
              series={[{ label: "CSAT score", data: byAgent.data!.map((agent) => agent.score) }]}
            />
          )
        }
      </ReportCard>

      {filters && <CsatComments filters={filters} />}
    </div>
  );
}
