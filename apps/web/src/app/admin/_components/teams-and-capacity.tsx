"use client";

import { Badge, Card, CardDescription, CardHeader, CardTitle } from "@parley/ui";
import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";
import { StaffAssignments } from "./staff-assignments";

/** The teams, how their queues work, and each staff member's teams and chat capacity. */
export function TeamsAndCapacity() {
  const trpc = useTRPC();
  const teams = useQuery(trpc.users.teams.queryOptions());
  const staff = useQuery(trpc.users.list.queryOptions({ role: "agent", includeDisabled: false, limit: 100 }));
  const admins = useQuery(trpc.users.list.queryOptions({ role: "admin", includeDisabled: false, limit: 100 }));

  if (teams.isError || staff.isError || admins.isError) {
    return (
      <p role="alert" className="text-sm text-danger-text">
        The teams could not be loaded: {(teams.error ?? staff.error ?? admins.error)?.message}
      </p>
    );
  }
  if (!teams.data || !staff.data || !admins.data) return <p className="text-sm text-fg-muted">Loading…</p>;

  return (
    <div className="flex flex-col gap-6">
      <ul aria-label="Teams" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {teams.data.map((team) => (
          <li key={team.id}>
            <Card className="h-full" data-testid="team-card">
              <CardHeader className="pb-5 sm:pb-6">
                <div>
                  <CardTitle as="h2">{team.name}</CardTitle>
                  <CardDescription>
                    {team.memberCount} {team.memberCount === 1 ? "member" : "members"}
                  </CardDescription>
                </div>
                <Badge tone={team.autoAssign ? "success" : "neutral"}>{team.autoAssign ? "Auto-assign" : "Picked from queue"}</Badge>
              </CardHeader>
            </Card>
          </li>
        ))}
      </ul>
      <StaffAssignments staff={[...staff.data.items, ...admins.data.items]} teams={teams.data} />
    </div>
  );
}
