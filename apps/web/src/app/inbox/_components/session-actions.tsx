"use client";

import type { RouterOutputs } from "@parley/api";
import { Button, inputClassName, Spinner } from "@parley/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";

import { useTRPC } from "~/trpc/react";
import { CloseDialog } from "./close-dialog";
import { TransferDialog } from "./transfer-dialog";

type Session = RouterOutputs["conversations"]["get"];

/**
 * What can be done with the session now: take it (or, for an admin, give it to someone)
 * while it waits; transfer or close it while it is active.
 */
export function SessionActions({
  session,
  viewer,
  closeRequest,
  onChanged,
}: {
  session: Session;
  viewer: { id: string; role: "agent" | "admin" };
  /** Goes up by one each time the agent asks to close from the keyboard. */
  closeRequest: number;
  onChanged(): void;
}) {
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<"transfer" | "close" | null>(null);
  const claim = useMutation(trpc.inboxDesk.claim.mutationOptions({ onSuccess: onChanged }));
  const mayManage = session.assignedAgentId === viewer.id || viewer.role === "admin";
  const closable = session.status === "active" && mayManage;

  useEffect(() => {
    if (closeRequest > 0 && closable) setDialog("close");
    // Only a new request opens the dialog, not the session changing under it.
  }, [closeRequest]);

  if (session.status === "waiting") {
    return (
      <div className="flex flex-col gap-2">
        <Button onClick={() => claim.mutate({ sessionId: session.id })} disabled={claim.isPending}>
          {claim.isPending && <Spinner />}
          Take this conversation
        </Button>
        {claim.isError && (
          <p role="alert" className="text-sm text-danger-text">
            {claim.error.message}
          </p>
        )}
        {viewer.role === "admin" && <AssignToAgent sessionId={session.id} onAssigned={onChanged} />}
      </div>
    );
  }
  if (!closable) return null;
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" size="sm" onClick={() => setDialog("transfer")}>
        Transfer
      </Button>
      <Button size="sm" onClick={() => setDialog("close")}>
        Close
      </Button>
      {dialog === "transfer" && (
        <TransferDialog
          sessionId={session.id}
          viewerId={viewer.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
      {dialog === "close" && (
        <CloseDialog
          sessionId={session.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

/** Admins give a waiting session to a chosen agent. */
function AssignToAgent({ sessionId, onAssigned }: { sessionId: string; onAssigned(): void }) {
  const trpc = useTRPC();
  const selectId = useId();
  const agents = useQuery(trpc.inboxDesk.agents.queryOptions());
  const [agentId, setAgentId] = useState("");
  const assign = useMutation(trpc.desk.assign.mutationOptions({ onSuccess: onAssigned }));
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={selectId} className="text-sm font-medium">
        Or assign to
      </label>
      <div className="flex gap-2">
        <select id={selectId} value={agentId} onChange={(event) => setAgentId(event.target.value)} className={inputClassName()}>
          <option value="">Choose an agent…</option>
          {(agents.data ?? []).map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name} · {agent.availability} · {agent.openSessions}/{agent.capacity}
            </option>
          ))}
        </select>
        <Button variant="secondary" disabled={!agentId || assign.isPending} onClick={() => assign.mutate({ sessionId, agentId })}>
          Assign
        </Button>
      </div>
      {assign.isError && (
        <p role="alert" className="text-sm text-danger-text">
          {assign.error.message}
        </p>
      )}
    </div>
  );
}
