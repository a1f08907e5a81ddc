"use client";

import { IconSearch, inputClassName } from "@parley/ui";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";

import { useTRPC } from "~/trpc/react";
import type { ListFilters } from "./list-filters";

/** Search and filters, shared by every list. */
export function InboxFilters({ filters, onChange }: { filters: ListFilters; onChange(filters: ListFilters): void }) {
  const trpc = useTRPC();
  const teams = useQuery(trpc.users.teams.queryOptions());
  const searchId = useId();
  const priorityId = useId();
  const teamId = useId();
  return (
    <div className="flex flex-col gap-2 border-b border-border p-3">
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search conversations
        </label>
        <IconSearch className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" />
        <input
          id={searchId}
          type="search"
          value={filters.search}
          onChange={(event) => onChange({ ...filters, search: event.target.value })}
          placeholder="Subject, customer, email or reference"
          autoComplete="off"
          className={inputClassName({ className: "h-9 pl-9" })}
        />
      </div>
      <div className="flex gap-2">
        <label htmlFor={priorityId} className="sr-only">
          Priority
        </label>
        <select
          id={priorityId}
          value={filters.priority ?? ""}
          onChange={(event) => onChange({ ...filters, priority: (event.target.value || null) as ListFilters["priority"] })}
          className={inputClassName({ className: "h-8 py-0 text-xs" })}
        >
          <option value="">Any priority</option>
          <option value="urgent">Urgent</option>
          <option value="high">High</option>
          <option value="normal">Normal</option>
          <option value="low">Low</option>
        </select>
        <label htmlFor={teamId} className="sr-only">
          Team
        </label>
        <select
          id={teamId}
          value={filters.teamId ?? ""}
          onChange={(event) => onChange({ ...filters, teamId: event.target.value || null })}
          className={inputClassName({ className: "h-8 py-0 text-xs" })}
        >
          <option value="">All teams</option>
          {(teams.data ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
