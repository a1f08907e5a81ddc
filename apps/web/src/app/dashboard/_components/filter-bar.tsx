"use client";

import { inputClassName, Skeleton } from "@parley/ui";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";

import { useTRPC } from "~/trpc/react";
import { useReportFilters } from "../_lib/use-report-filters";
import { DateRangePicker } from "./date-range-picker";

const EVERYONE = "";

/** The period, team and agent every report on the dashboard is read for; they live in the URL. */
export function FilterBar() {
  const state = useReportFilters();
  const trpc = useTRPC();
  const teamId = useId();
  const agentId = useId();
  const options = useQuery(trpc.reports.filters.queryOptions());

  if (!state) return <Skeleton className="h-16 w-full" />;
  const { filters, today, update } = state;
  const teams = options.data?.teams ?? [];
  // With a team chosen, only its members are offered.
  const agents = (options.data?.agents ?? []).filter((agent) => !filters.teamId || agent.teamIds.includes(filters.teamId));

  return (
    <form
      role="search"
      aria-label="Report filters"
      onSubmit={(event) => event.preventDefault()}
      className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4 shadow-card sm:flex-row sm:flex-wrap sm:items-end"
    >
      <DateRangePicker range={filters} today={today} onChange={(range) => update(range)} />
      <div className="flex flex-col gap-1">
        <label htmlFor={teamId} className="text-xs font-medium text-fg-muted">
          Team
        </label>
        <select
          id={teamId}
          value={filters.teamId ?? EVERYONE}
          disabled={!options.data}
          onChange={(event) => {
            const team = event.target.value || undefined;
            const agent = options.data?.agents.find((one) => one.id === filters.agentId);
            // An agent outside the new team would leave every report empty, so that filter goes.
            const keepAgent = !team || !agent || agent.teamIds.includes(team);
            update({ teamId: team, agentId: keepAgent ? filters.agentId : undefined });
          }}
          className={inputClassName({ className: "sm:w-44" })}
        >
          <option value={EVERYONE}>All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={agentId} className="text-xs font-medium text-fg-muted">
          Agent
        </label>
        <select
          id={agentId}
          value={filters.agentId ?? EVERYONE}
          disabled={!options.data}
          onChange={(event) => update({ agentId: event.target.value || undefined })}
          className={inputClassName({ className: "sm:w-48" })}
        >
          <option value={EVERYONE}>All agents</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.disabled ? `${agent.name} (disabled)` : agent.name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
