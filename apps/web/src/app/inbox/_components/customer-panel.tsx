"use client";

import type { RouterOutputs } from "@parley/api";
import { Alert, Avatar, Badge, Button, IconStar, Skeleton } from "@parley/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { formatTimeAgo } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { SessionActions } from "./session-actions";

type Session = RouterOutputs["conversations"]["get"];

/**
 * Beside the conversation: who the customer is, what this session is about (its
 * external reference), what can be done with it, their ratings and their earlier
 * sessions.
 */
export function CustomerPanel({
  session,
  viewer,
  closeRequest,
  onChanged,
  onOpenSession,
}: {
  session: Session;
  viewer: { id: string; role: "agent" | "admin" };
  closeRequest: number;
  onChanged(): void;
  onOpenSession(id: string): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profileOptions = trpc.inboxDesk.customerProfile.queryOptions({ conversationId: session.id });
  // A new rating arrives as a desk event, which refreshes this query (see inbox-live).
  const profile = useQuery(profileOptions);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: profileOptions.queryKey });
  const block = useMutation(trpc.blocks.block.mutationOptions({ onSuccess: refresh }));
  const unblock = useMutation(trpc.blocks.unblock.mutationOptions({ onSuccess: refresh }));

  return (
    <aside aria-label="Customer" data-testid="customer-panel" className="flex flex-col gap-5 p-4">
      {profile.isError && !profile.data ? (
        <Alert role="alert" title="The customer's details could not be loaded.">
          <p>{profile.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => void profile.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !profile.data ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the customer">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-24 w-full" />
        </div>
      ) : (
        <>
          <section className="flex items-center gap-3">
            <Avatar name={profile.data.customer.name} size="lg" />
            <div className="min-w-0">
              <h2 className="truncate font-semibold text-fg" data-testid="customer-name">
                {profile.data.customer.name}
              </h2>
              <p className="truncate text-sm text-fg-muted">
                {profile.data.customer.email ?? (profile.data.customer.isVisitor ? "Website visitor" : "No email")}
              </p>
            </div>
          </section>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-fg-muted">Reference</dt>
            <dd className="truncate font-medium" data-testid="external-ref">
              {profile.data.externalRef ?? "None"}
            </dd>
            <dt className="text-fg-muted">Customer since</dt>
            <dd>{formatTimeAgo(profile.data.customer.createdAt)}</dd>
          </dl>
          <SessionActions session={session} viewer={viewer} closeRequest={closeRequest} onChanged={onChanged} />
          <Button
            variant="ghost"
            size="sm"
            className="self-start"
            disabled={block.isPending || unblock.isPending}
            onClick={() => {
              const userId = profile.data.customer.id;
              if (profile.data.blockedByViewer) unblock.mutate({ userId });
              else if (window.confirm(`Block ${profile.data.customer.name}? They can no longer send you messages.`)) block.mutate({ userId });
            }}
          >
            {profile.data.blockedByViewer ? "Unblock customer" : "Block customer"}
          </Button>
          <CsatHistory csat={profile.data.csat} />
          <PastSessions sessions={profile.data.pastSessions} currentId={session.id} onOpen={onOpenSession} />
        </>
      )}
    </aside>
  );
}

type Profile = RouterOutputs["inboxDesk"]["customerProfile"];

function Stars({ rating }: { rating: number }) {
  return (
    <span className="inline-flex" role="img" aria-label={`${rating} of 5 stars`}>
      {Array.from({ length: 5 }, (_, index) => (
        <IconStar key={index} className={index < rating ? "size-3.5 fill-warning text-warning" : "size-3.5 text-fg-muted"} />
      ))}
    </span>
  );
}

function CsatHistory({ csat }: { csat: Profile["csat"] }) {
  return (
    <section aria-labelledby="csat-title" data-testid="csat-history">
      <h3 id="csat-title" className="mb-2 flex items-center gap-2 text-sm font-semibold">
        Ratings
        {csat.average !== null && <Badge tone="brand">{csat.average} average</Badge>}
      </h3>
      {csat.ratings.length ? (
        <ul className="flex flex-col gap-2">
          {csat.ratings.map((entry) => (
            <li key={entry.conversationId} className="rounded-control bg-surface-muted p-2 text-sm" data-testid="csat-entry" data-rating={entry.rating}>
              <div className="flex items-center justify-between gap-2">
                <Stars rating={entry.rating} />
                <span className="text-xs text-fg-muted">{formatTimeAgo(entry.createdAt)}</span>
              </div>
              <p className="truncate text-xs text-fg-muted">{entry.subject ?? "No subject"}</p>
              {entry.comment && <p className="mt-1">“{entry.comment}”</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-muted">No ratings yet.</p>
      )}
    </section>
  );
}

function PastSessions({ sessions, currentId, onOpen }: { sessions: Profile["pastSessions"]; currentId: string; onOpen(id: string): void }) {
  const others = sessions.filter((session) => session.id !== currentId);
  return (
    <section aria-labelledby="past-title">
      <h3 id="past-title" className="mb-2 text-sm font-semibold">
        Earlier conversations
      </h3>
      {others.length ? (
        <ul className="flex flex-col gap-1">
          {others.map((session) => (
            <li key={session.id}>
              <button
                type="button"
                onClick={() => onOpen(session.id)}
                className="flex w-full flex-col rounded-control px-2 py-1.5 text-left text-sm hover:bg-surface-muted"
              >
                <span className="truncate font-medium">{session.subject ?? "No subject"}</span>
                <span className="text-xs text-fg-muted">
                  {session.status} · {formatTimeAgo(session.createdAt)}
                  {session.externalRef ? ` · ${session.externalRef}` : ""}
                  {session.rating ? ` · ${session.rating}★` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-muted">This is their first conversation.</p>
      )}
    </section>
  );
}
