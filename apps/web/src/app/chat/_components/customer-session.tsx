"use client";

import { Alert, Button, Skeleton } from "@parley/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { useTRPC } from "~/trpc/react";
import { wasRated } from "../_lib/rated-sessions";
import { SessionChat } from "./session-chat";
import { StartChatForm } from "./start-chat-form";

/** A closed session is still shown (to rate it) for this long after closing. */
const RATE_WITHIN_MS = 24 * 3_600_000;

/**
 * A customer or visitor, known to the server: their open session resumes where it was;
 * a recently closed one waits for its rating; otherwise they start a new one.
 */
export function CustomerSession({ compact = false, onUnknownVisitor }: { compact?: boolean; onUnknownVisitor?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const mineOptions = trpc.sessions.mine.queryOptions({ limit: 1 });
  const mine = useQuery(mineOptions);
  /** The session the customer left by asking for a new one. */
  const [dismissedId, setDismissedId] = useState<string | null>(null);
  const start = useMutation(
    trpc.conversations.startSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: mineOptions.queryKey }),
    }),
  );

  const unknown = me.data === null || mine.error?.data?.code === "UNAUTHORIZED";
  useEffect(() => {
    if (unknown) onUnknownVisitor?.();
  }, [unknown, onUnknownVisitor]);

  const failed = me.error ?? mine.error;
  if (failed) {
    return (
      <div className="p-4">
        <Alert role="alert" title="Your conversations could not be loaded.">
          <p>{failed.message}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            onClick={() => {
              void me.refetch();
              void mine.refetch();
            }}
          >
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  if (!me.data || !mine.data) {
    return (
      <div className="flex flex-col gap-3 p-4" aria-busy="true" aria-label="Loading">
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  }

  const latest = mine.data.items[0];
  const showLatest =
    latest &&
    latest.id !== dismissedId &&
    (latest.status !== "closed" ||
      (!wasRated(latest.id) && latest.closedAt !== null && Date.now() - latest.closedAt.getTime() < RATE_WITHIN_MS));

  if (showLatest && me.data.kind === "user") {
    return <SessionChat key={latest.id} sessionId={latest.id} viewerId={me.data.id} onStartNew={() => setDismissedId(latest.id)} />;
  }
  return (
    <div className="p-4 sm:p-6">
      <StartChatForm
        askName={false}
        compact={compact}
        onStart={async ({ subject }) => {
          await start.mutateAsync({ subject });
          setDismissedId(null);
        }}
      />
    </div>
  );
}
