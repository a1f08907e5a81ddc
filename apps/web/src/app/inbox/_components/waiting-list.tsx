"use client";

import type { RouterOutputs } from "@parley/api";
import { Button, IconClock, Spinner } from "@parley/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";

import { formatDuration } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { useNow } from "../_lib/use-now";
import type { ListFilters } from "./list-filters";
import { ListItem } from "./list-item";
import { ListStates } from "./list-states";

type WaitingSession = RouterOutputs["desk"]["queue"][number];

function matches(session: WaitingSession, filters: ListFilters): boolean {
  if (filters.priority && session.priority !== filters.priority) return false;
  if (filters.teamId && session.teamId !== filters.teamId) return false;
  const words = filters.search.trim().toLowerCase();
  if (!words) return true;
  return [session.subject, session.customerName, session.externalRef].some((field) => field?.toLowerCase().includes(words));
}

/** The queue: who waits, for how long (counting up live), highest priority first. Each can be taken. */
export function WaitingList({
  filters,
  selectedId,
  onSelect,
  onIdsChange,
  onTaken,
}: {
  filters: ListFilters;
  selectedId: string | null;
  onSelect(id: string): void;
  onIdsChange(ids: string[]): void;
  onTaken(id: string): void;
}) {
  const trpc = useTRPC();
  const now = useNow();
  const queue = useQuery(trpc.desk.queue.queryOptions());
  const claim = useMutation(trpc.inboxDesk.claim.mutationOptions({ onSuccess: (assignment) => onTaken(assignment.sessionId) }));
  const rows = useMemo(() => (queue.data ?? []).filter((session) => matches(session, filters)), [queue.data, filters]);

  useEffect(() => onIdsChange(rows.map((row) => row.id)), [rows, onIdsChange]);

  const states = (
    <ListStates
      loading={!queue.data}
      error={queue.isError && !queue.data ? queue.error.message : null}
      onRetry={() => void queue.refetch()}
      empty={queue.data && !rows.length ? (queue.data.length ? "No waiting customer matches" : "Nobody is waiting") : null}
      emptyIcon={<IconClock />}
    />
  );
  return (
    <>
      {states}
      {claim.isError && (
        <p role="alert" className="border-b border-border bg-danger-soft px-4 py-2 text-sm text-danger-text">
          {claim.error.message}
        </p>
      )}
      <ul aria-label="Waiting customers">
        {rows.map((session) => (
          <ListItem
            key={session.id}
            id={session.id}
            title={session.subject ?? "No subject"}
            person={session.customerName ?? "Visitor"}
            preview={session.externalRef}
            meta={
              <span title="Waiting for" data-testid="wait-time">
                {formatDuration((now.getTime() - session.queuedAt.getTime()) / 1000)}
              </span>
            }
            priority={session.priority}
            unread={0}
            selected={session.id === selectedId}
            onSelect={() => onSelect(session.id)}
            action={
              <Button
                size="sm"
                variant="secondary"
                disabled={claim.isPending}
                onClick={() => claim.mutate({ sessionId: session.id })}
                aria-label={`Take ${session.subject ?? "session"} from ${session.customerName ?? "a visitor"}`}
              >
                {claim.isPending && claim.variables?.sessionId === session.id && <Spinner />}
                Take
              </Button>
            }
          />
        ))}
      </ul>
    </>
  );
}
