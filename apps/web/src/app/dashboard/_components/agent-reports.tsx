"use client";

import { Skeleton } from "@parley/ui";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { BarChart } from "~/components/charts/bar-chart";
import { ChartSkeleton } from "~/components/charts/chart-skeleton";
import { useTRPC } from "~/trpc/react";
import { reportInputOf } from "../_lib/report-filters";
import { formatPercent, formatSeconds } from "../_lib/report-format";
import { useReportFilters } from "../_lib/use-report-filters";
import { AgentRanking } from "./agent-ranking";
import { AgentTrend } from "./agent-trend";
import { ExportLink } from "./export-link";
import { cardStateOf, ReportCard } from "./report-card";

/** Each agent's work over the period: a ranking, the figures side by side, and one agent's trend. */
export function AgentReports() {
  const trpc = useTRPC();
  const state = useReportFilters();
  const filters = state?.filters ?? null;
  const agents = useQuery({
    ...trpc.reports.agents.queryOptions(filters ? reportInputOf(filters) : skipToken),
    placeholderData: keepPreviousData,
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows = agents.data ?? [];
  const selected = rows.find((agent) => agent.agentId === selectedId) ?? null;
  const names = () => rows.map((agent) => agent.agentName);
  const select = (index: number) => setSelectedId(rows[index]?.agentId ?? null);
  const height = Math.max(160, rows.length * 34);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ReportCard
        className="lg:col-span-2"
        title="Ranking"
        description="Agents by sessions handled. Choose an agent to see their trend."
        query={cardStateOf(agents)}
        loading={<Skeleton className="h-48 w-full" />}
        actions={state && <ExportLink report="agents" filters={state.filters} label="the agents ranking" />}
      >
        {() => <AgentRanking agents={rows} selectedId={selectedId} onSelect={setSelectedId} />}
      </ReportCard>

      {selected && filters && (
        <AgentTrend
          agent={selected}
          filters={filters}
          onGranularity={(granularity) => state?.update({ granularity })}
          onClose={() => setSelectedId(null)}
        />
      )}

      <ReportCard title="Sessions handled" query={cardStateOf(agents)} loading={<ChartSkeleton height={height} />}>
        {() => (
          <BarChart
            title="Sessions handled per agent"
            horizontal
            height={height}
            labels={names()}
            series={[{ label: "Sessions handled", data: rows.map((agent) => agent.sessionsHandled) }]}
            onSelect={select}
          />
        )}
      </ReportCard>
      <ReportCard title="Median first response" query={cardStateOf(agents)} loading={<ChartSkeleton height={height} />}>
        {() => (
          <BarChart
            title="Median first response time per agent"
            horizontal
            height={height}
            format={formatSeconds}
            labels={names()}
            series={[{ label: "Median first response", data: rows.map((agent) => agent.medianFirstResponseSeconds) }]}
            onSelect={select}
          />
        )}
      </ReportCard>
      <ReportCard title="CSAT" query={cardStateOf(agents)} loading={<ChartSkeleton height={height} />}>
        {() => (
          <BarChart
            title="CSAT score per agent"
            horizontal
            height={height}
            max={1}
            format={formatPercent}
            labels={names()}
            series={[{ label: "CSAT score", data: rows.map((agent) => agent.csatScore) }]}
            onSelect={select}
          />
        )}
      </ReportCard>
      <ReportCard title="Time online" query={cardStateOf(agents)} loading={<ChartSkeleton height={height} />}>
        {() => (
          <BarChart
            title="Time online per agent"
            horizontal
            height={height}
            format={formatSeconds}
            labels={names()}
            series={[{ label: "Time online", data: rows.map((agent) => agent.timeOnlineSeconds) }]}
            onSelect={select}
          />
        )}
      </ReportCard>
    </div>
  );
}
