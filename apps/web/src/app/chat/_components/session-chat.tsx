"use client";

import { Button, Spinner } from "@parley/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";

import { ConnectionBanner } from "~/components/chat/connection-banner";
import { ConversationLoadState } from "~/components/chat/conversation-load-state";
import { ConversationView } from "~/components/chat/conversation-view";
import type { ChatMessage } from "~/components/chat/types";
import { useTRPC } from "~/trpc/react";
import { wasRated } from "../_lib/rated-sessions";
import { QueueStatus } from "./queue-status";
import { RatingForm } from "./rating-form";

export interface SessionChatProps {
  sessionId: string;
  viewerId: string;
  onStartNew(): void;
}

/**
 * The customer's side of one support session: where they stand in the queue, the
 * conversation live, closing it, and rating it once closed.
 */
export function SessionChat({ sessionId, viewerId, onStartNew }: SessionChatProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detailOptions = trpc.conversations.get.queryOptions({ conversationId: sessionId });
  const detail = useQuery(detailOptions);
  const [rated, setRated] = useState(() => wasRated(sessionId));
  const refreshDetail = () => void queryClient.invalidateQueries({ queryKey: detailOptions.queryKey });

  const waiting = detail.data?.status === "waiting";
  const position = useSubscription(
    trpc.desk.watchQueuePosition.subscriptionOptions(
      { sessionId },
      { enabled: waiting, onData: (update) => update.status !== "waiting" && refreshDetail() },
    ),
  );
  const close = useMutation(trpc.desk.close.mutationOptions({ onSuccess: refreshDetail }));

  // Something happened (an agent joined, the session closed or moved): read the session again.
  const onLiveMessage = (message: ChatMessage) => {
    if (message.type === "system") refreshDetail();
  };

  if (!detail.data) {
    return (
      <ConversationLoadState
        read={detail}
        failedTitle="Your conversation could not be loaded."
        loadingLabel="Loading your conversation"
        layout="card"
      />
    );
  }

  const session = detail.data;
  const closed = session.status === "closed";
  const agent = session.participants.find((person) => person.role === "agent");
  return (
    <section className="flex min-h-0 flex-1 flex-col" aria-labelledby="session-subject">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-4 py-3">
        <div className="min-w-0 flex-1">
          <h2 id="session-subject" className="truncate font-semibold text-fg">
            {session.subject ?? "Your conversation"}
          </h2>
          <QueueStatus
            status={session.status}
            position={waiting ? (position.data?.position ?? null) : null}
            agentName={agent?.name ?? null}
          />
        </div>
        {closed ? (
          <Button variant="secondary" size="sm" onClick={onStartNew}>
            New conversation
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={close.isPending}
            onClick={() => {
              if (window.confirm("End this conversation?")) close.mutate({ sessionId });
            }}
          >
            {close.isPending && <Spinner />}
            End chat
          </Button>
        )}
      </header>
      {close.isError && (
        <p role="alert" className="bg-danger-soft px-4 py-2 text-sm text-danger-text">
          The conversation could not be ended: {close.error.message}
        </p>
      )}
      <ConnectionBanner />
      <ConversationView
        key={sessionId}
        conversationId={sessionId}
        viewer={{ id: viewerId, role: "customer" }}
        participants={session.participants}
        isParticipant
        formerParticipantName="Support"
        disabledReason={closed ? "This conversation is closed." : null}
        onLiveMessage={onLiveMessage}
        label={`Messages about ${session.subject ?? "your question"}`}
        empty={
          <p className="px-2 text-center text-sm text-fg-muted">
            {waiting ? "Write your question while you wait: the agent sees it as soon as they join." : "Say hello!"}
          </p>
        }
        footer={
          closed ? (
            rated ? (
              <p className="border-t border-border bg-surface p-4 text-sm text-fg-muted" data-testid="rating-thanks">
                Thank you for your feedback!
              </p>
            ) : (
              <RatingForm sessionId={sessionId} onRated={() => setRated(true)} />
            )
          ) : undefined
        }
      />
    </section>
  );
}
