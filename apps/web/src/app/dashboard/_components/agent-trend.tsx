"use client";

import type { RouterOutputs } from "@parley/api";
import { Button, IconX } from "@parley/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { ChartSkeleton } from "~/components/charts/chart-skeleton";
import { LineChart } from "~/components/charts/line-chart";
import { useTRPC } from "~/trpc/react";
import { bucketLabel } from "../_lib/bucket-label";
import { reportInputOf, type Granularity, type ReportFilters } from "../_lib/report-filters";
import { formatPercent, formatSeconds } from "../_lib/report-format";
import { ExportLink } from "./export-link";
import { GranularitySelect } from "./granularity-select";
import { cardStateOf, ReportCard } from "./report-card";

type AgentRow = RouterOutputs["reports"]["agents"][number];

/** One agent's figures bucket by bucket, shown when the admin picks them in the ranking or a chart. */
export function AgentTrend({
  agent,
  filters,
  onGranularity,
  onClose,
}: {
  agent: AgentRow;
  filters: ReportFilters;
  onGranularity: (granularity: Granularity) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const trend = useQuery({
    ...trpc.reports.agentTrend.queryOptions({ ...reportInputOf(filters), agentId: agent.agentId, granularity: filters.granularity }),
    placeholderData: keepPreviousData,
  });
  const region = useRef<HTMLDivElement>(null);
  // The trend opens above the charts the admin clicked in: bring it into view.
  useEffect(() => region.current?.scrollIntoView({ behavior: "smooth", block: "nearest" }), [agent.agentId]);
  const unit = filters.granularity;
  const labels = () => trend.data!.map((bucket) => bucketLabel(bucket.bucket, unit));

  return (
    <div ref={region} className="lg:col-span-2">
      <ReportCard
        title={`${agent.agentName}'s trend`}
        query={cardStateOf(trend)}
        loading={<ChartSkeleton height={220} />}
        actions={
          <>
            <GranularitySelect value={unit} onChange={onGranularity} />
            <ExportLink report="agent-trend" filters={{ ...filters, agentId: agent.agentId }} label={`${agent.agentName}'s trend`} />
            <Button variant="ghost" size="icon" onClick={onClose} aria-label="Close the trend">
              <IconX />
            </Button>
          </>
        }
      >
        {() => (
          <div className="grid gap-6 md:grid-cols-3">
            <div>
              <h3 className="mb-2 text-sm font-medium text-fg-muted">Sessions handled</h3>
              <LineChart
                title={`${agent.agentName}'s sessions handled, ${unit} by ${unit}`}
                height={200}
                labels={labels()}
                series={[{ label: "Sessions handled", data: trend.data!.map((bucket) => bucket.sessionsHandled) }]}
              />
            </div>
            <div>
              <h3 className="mb-2 text-sm font-medium text-fg-muted">Median first response</h3>
              <LineChart
                title={`${agent.agentName}'s median first response, ${unit} by ${unit}`}
                height={200}
                format={formatSeconds}
                labels={labels()}
                series={[{ label: "Median first response", data: trend.data!.map((bucket) => bucket.medianFirstResponseSeconds) }]}
              />
            </div>
            <div>
              <h3 className="mb-2 text-sm font-medium text-fg-muted">CSAT</h3>
              <LineChart
                title={`${agent.agentName}'s CSAT score, ${unit} by ${unit}`}
                height={200}
                max={1}
                format={formatPercent}
                labels={labels()}
                series={[{ label: "CSAT score", data: trend.data!.map((bucket) => bucket.csatScore) }]}
              />
            </div>
          </div>
        )}
      </ReportCard>
    </div>
  );
}
