"use client";

import { Alert, Button, inputClassName, Spinner } from "@parley/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { ModalDialog } from "~/components/modal-dialog";
import { useTRPC } from "~/trpc/react";

/** Hands the session to a colleague, or back to a team's queue, with a reason the next agent reads. */
export function TransferDialog({
  sessionId,
  viewerId,
  onDone,
  onClose,
}: {
  sessionId: string;
  viewerId: string;
  onDone(): void;
  onClose(): void;
}) {
  const trpc = useTRPC();
  const targetId = useId();
  const reasonId = useId();
  const agents = useQuery(trpc.inboxDesk.agents.queryOptions());
  const teams = useQuery(trpc.users.teams.queryOptions());
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const transfer = useMutation(trpc.desk.transfer.mutationOptions({ onSuccess: onDone }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return setMissing("Choose who takes over.");
    if (!reason.trim()) return setMissing("Say why, for the colleague who takes over.");
    setMissing(null);
    const [kind, id] = target.split(":") as ["agent" | "team", string];
    transfer.mutate({ sessionId, reason: reason.trim(), ...(kind === "agent" ? { toAgentId: id } : { toTeamId: id }) });
  };

  return (
    <ModalDialog title="Transfer conversation" onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {(missing || transfer.isError) && (
          <Alert role="alert" title={missing ?? "The conversation was not transferred."}>
            {!missing && transfer.error?.message}
          </Alert>
        )}
        <div className="flex flex-col gap-1.5">
          <label htmlFor={targetId} className="text-sm font-medium">
            Transfer to
          </label>
          <select id={targetId} value={target} onChange={(event) => setTarget(event.target.value)} className={inputClassName()}>
            <option value="">Choose a colleague or a team…</option>
            <optgroup label="Colleagues">
              {(agents.data ?? [])
                .filter((agent) => agent.id !== viewerId)
                .map((agent) => (
                  <option key={agent.id} value={`agent:${agent.id}`}>
                    {agent.name} · {agent.availability} · {agent.openSessions}/{agent.capacity} open
                  </option>
                ))}
            </optgroup>
            <optgroup label="Back to a team's queue">
              {(teams.data ?? []).map((team) => (
                <option key={team.id} value={`team:${team.id}`}>
                  {team.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={reasonId} className="text-sm font-medium">
            Reason
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={500}
            placeholder="e.g. A billing question: needs someone who can issue refunds."
            className={inputClassName({ className: "h-auto py-2" })}
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={transfer.isPending}>
            {transfer.isPending && <Spinner />}
            Transfer
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
