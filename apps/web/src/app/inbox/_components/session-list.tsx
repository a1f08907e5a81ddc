"use client";

import { IconInbox } from "@parley/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";

import { formatTimeAgo } from "~/lib/format";
import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC } from "~/trpc/react";
import { useInboxLive } from "../_lib/inbox-live";
import type { ListFilters } from "./list-filters";
import { ListItem } from "./list-item";
import { ListStates } from "./list-states";

const EMPTY: Record<"mine" | "team" | "closed", string> = {
  mine: "No conversations of yours are open",
  team: "Nobody else on your teams has an open conversation",
  closed: "No closed conversations yet",
};

/** Mine, the team's, or closed sessions, searched and filtered on the server; unread counts live. */
export function SessionList({
  view,
  filters,
  selectedId,
  onSelect,
  onIdsChange,
}: {
  view: "mine" | "team" | "closed";
  filters: ListFilters;
  selectedId: string | null;
  onSelect(id: string): void;
  onIdsChange(ids: string[]): void;
}) {
  const trpc = useTRPC();
  const { unread } = useInboxLive();
  const search = useDebouncedValue(filters.search.trim(), 250);
  const sessions = useQuery({
    ...trpc.inboxDesk.sessions.queryOptions({
      view,
      search: search || undefined,
      priority: filters.priority ?? undefined,
      teamId: filters.teamId ?? undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const rows = sessions.data ?? [];
  useEffect(() => onIdsChange(rows.map((row) => row.id)), [rows, onIdsChange]);

  const filtered = !!(search || filters.priority || filters.teamId);
  return (
    <>
      <ListStates
        loading={!sessions.data}
        error={sessions.isError && !sessions.data ? sessions.error.message : null}
        onRetry={() => void sessions.refetch()}
        empty={sessions.data && !rows.length ? (filtered ? "Nothing matches these filters" : EMPTY[view]) : null}
        emptyIcon={<IconInbox />}
      />
      <ul aria-label={`${view === "mine" ? "My" : view === "team" ? "Team" : "Closed"} conversations`}>
        {rows.map((session) => {
          const customer = session.customerName ?? "Visitor";
          // Closed sessions are listed by when they closed; open ones by their last message.
          const when = view === "closed" && session.closedAt ? session.closedAt : session.lastActivityAt;
          return (
            <ListItem
              key={session.id}
              id={session.id}
              title={session.subject ?? "No subject"}
              person={view === "team" && session.assignedAgentName ? `${customer} · with ${session.assignedAgentName}` : customer}
              preview={session.lastMessageBody}
              meta={<time dateTime={when.toISOString()}>{formatTimeAgo(when)}</time>}
              priority={session.priority}
              unread={view === "closed" ? 0 : (unread.get(session.id) ?? 0)}
              selected={session.id === selectedId}
              onSelect={() => onSelect(session.id)}
            />
          );
        })}
      </ul>
    </>
  );
}
