"use client";

import type { RouterOutputs } from "@parley/api";
import {
  Avatar,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  inputClassName,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@parley/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { RoleBadge } from "~/components/role-badge";
import { useTRPC } from "~/trpc/react";
import { MutationProblem } from "./mutation-problem";

type StaffMember = RouterOutputs["users"]["list"]["items"][number];
type Team = RouterOutputs["users"]["teams"][number];

/** One row per staff member: the teams they serve and their chat capacity, saved together. */
export function StaffAssignments({ staff, teams }: { staff: StaffMember[]; teams: Team[] }) {
  return (
    <Card role="region" aria-labelledby="staff-title">
      <CardHeader>
        <div>
          <CardTitle id="staff-title">Staff</CardTitle>
          <CardDescription>Capacity is how many chats someone holds at once; 0 keeps new chats from them.</CardDescription>
        </div>
      </CardHeader>
      <div className="mt-4 overflow-x-auto border-t border-border">
        <Table>
          <caption className="sr-only">Staff, their teams and capacity</caption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Person</TableHead>
              <TableHead>Teams</TableHead>
              <TableHead>Capacity</TableHead>
              <TableHead>
                <span className="sr-only">Save</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.map((member) => (
              <StaffRow key={member.id} member={member} teams={teams} />
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}

function StaffRow({ member, teams }: { member: StaffMember; teams: Team[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [teamIds, setTeamIds] = useState(() => member.teams.map((team) => team.id));
  const [capacity, setCapacity] = useState(String(member.maxConcurrentChats));
  const [saved, setSaved] = useState(false);
  const onSuccess = () => {
    setSaved(true);
    void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  };
  const saveTeams = useMutation(trpc.users.setTeams.mutationOptions());
  const saveCapacity = useMutation(trpc.users.setCapacity.mutationOptions());
  const capacityNumber = Number(capacity);
  const capacityValid = capacity !== "" && Number.isInteger(capacityNumber) && capacityNumber >= 0 && capacityNumber <= 100;
  const changed =
    capacityNumber !== member.maxConcurrentChats ||
    teamIds.length !== member.teams.length ||
    teamIds.some((id) => !member.teams.some((team) => team.id === id));
  const pending = saveTeams.isPending || saveCapacity.isPending;

  const save = async () => {
    setSaved(false);
    await saveTeams.mutateAsync({ userId: member.id, teamIds });
    await saveCapacity.mutateAsync({ userId: member.id, maxConcurrentChats: capacityNumber });
    onSuccess();
  };

  return (
    <TableRow data-testid="staff-row">
      <TableCell>
        <div className="flex items-center gap-3">
          <Avatar name={member.name} />
          <div className="min-w-0">
            <p className="font-medium text-fg">{member.name}</p>
            <RoleBadge role={member.role} />
          </div>
        </div>
      </TableCell>
      <TableCell>
        <fieldset className="flex flex-col gap-1">
          <legend className="sr-only">{member.name}&apos;s teams</legend>
          {teams.map((team) => (
            <label key={team.id} className="flex items-center gap-2 text-sm whitespace-nowrap text-fg">
              <input
                type="checkbox"
                className="size-4 accent-brand"
                checked={teamIds.includes(team.id)}
                onChange={(event) =>
                  setTeamIds((current) => (event.target.checked ? [...current, team.id] : current.filter((id) => id !== team.id)))
                }
              />
              {team.name}
            </label>
          ))}
        </fieldset>
      </TableCell>
      <TableCell>
        <label className="sr-only" htmlFor={`capacity-${member.id}`}>
          {member.name}&apos;s capacity
        </label>
        <input
          id={`capacity-${member.id}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={capacity}
          aria-invalid={!capacityValid || undefined}
          onChange={(event) => setCapacity(event.target.value)}
          className={inputClassName({ invalid: !capacityValid, className: "w-20" })}
        />
      </TableCell>
      <TableCell>
        <div className="flex flex-col items-start gap-1">
          <Button
            size="sm"
            variant="secondary"
            disabled={!changed || !capacityValid || pending}
            onClick={() => void save().catch(() => undefined)}
            aria-label={`Save ${member.name}'s teams and capacity`}
          >
            {pending ? "Saving…" : "Save"}
          </Button>
          {saved && !changed && (
            <span role="status" className="text-xs text-success-text">
              Saved
            </span>
          )}
          <MutationProblem error={saveTeams.error ?? saveCapacity.error} title="Not saved." />
        </div>
      </TableCell>
    </TableRow>
  );
}
