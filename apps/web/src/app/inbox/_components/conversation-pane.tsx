"use client";

import { Badge, Button, IconArrowLeft, IconUser, IconX } from "@parley/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";

import { ConnectionBanner } from "~/components/chat/connection-banner";
import { ConversationLoadState } from "~/components/chat/conversation-load-state";
import { ConversationView } from "~/components/chat/conversation-view";
import type { ChatMessage } from "~/components/chat/types";
import { useTRPC } from "~/trpc/react";
import { useCannedSlash } from "../_lib/use-canned-slash";
import { CustomerPanel } from "./customer-panel";

const statusTone = { waiting: "warning", active: "success", closed: "neutral" } as const;

export interface ConversationPaneProps {
  conversationId: string;
  viewer: { id: string; name: string; role: "agent" | "admin" };
  panelOpen: boolean;
  /** Goes up by one each time the agent presses the close shortcut. */
  closeRequest: number;
  onTogglePanel(): void;
  onBack(): void;
  onOpenSession(id: string): void;
}

/** The open conversation: its header, the messages and composer, and the customer panel beside it. */
export function ConversationPane(props: ConversationPaneProps) {
  const { conversationId, viewer, panelOpen, onTogglePanel, onBack, onOpenSession } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detailOptions = trpc.conversations.get.queryOptions({ conversationId });
  const detail = useQuery(detailOptions);
  const slash = useCannedSlash(conversationId, detail.data?.teamId ?? null);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: detailOptions.queryKey });
    void queryClient.invalidateQueries(trpc.inboxDesk.customerProfile.queryFilter());
    void queryClient.invalidateQueries(trpc.inboxDesk.sessions.queryFilter());
    void queryClient.invalidateQueries(trpc.desk.queue.queryFilter());
  }, [queryClient, detailOptions.queryKey, trpc]);

  /**
   * Set when this agent transfers the session away: they stop being a participant at
   * once, before the session is read again, so that nothing is acknowledged in their name.
   */
  const [handedOver, setHandedOver] = useState(false);
  const onLiveMessage = useCallback(
    (message: ChatMessage) => {
      if (message.type !== "system") return;
      const data = message.data as { event?: string; toAgentId?: string | null } | null;
      if (data?.event === "transferred" && data.toAgentId !== viewer.id) setHandedOver(true);
      refresh();
    },
    [refresh, viewer.id],
  );

  if (!detail.data) {
    return (
      <ConversationLoadState
        read={detail}
        failedTitle="This conversation could not be opened."
        loadingLabel="Loading the conversation"
        layout="pane"
      />
    );
  }

  const session = detail.data;
  const customer = session.participants.find((person) => person.role === "customer");
  const agent = session.participants.find((person) => person.userId === session.assignedAgentId);
  const isParticipant = !handedOver && session.participants.some((person) => person.userId === viewer.id);
  const disabledReason =
    session.status === "closed"
      ? "This conversation is closed."
      : session.status === "waiting"
        ? "Take this conversation to reply."
        : null;

  return (
    <div className="flex min-h-0 flex-1">
      <section className="flex min-w-0 flex-1 flex-col" aria-labelledby="conversation-title" data-testid="conversation-pane">
        <header className="flex items-center gap-2 border-b border-border px-3 py-2.5 sm:px-4">
          <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Back to the list" onClick={onBack}>
            <IconArrowLeft />
          </Button>
          <div className="min-w-0 flex-1">
            <h2 id="conversation-title" className="truncate font-semibold text-fg">
              {session.subject ?? "No subject"}
            </h2>
            <p className="flex flex-wrap items-center gap-x-2 text-xs text-fg-muted">
              <span>{customer?.name ?? "Customer"}</span>
              <Badge tone={statusTone[session.status as keyof typeof statusTone] ?? "neutral"} data-testid="session-status">
                {session.status}
              </Badge>
              {agent && session.status === "active" && <span>with {agent.userId === viewer.id ? "you" : agent.name}</span>}
            </p>
          </div>
          <Button variant="ghost" size="icon" className="xl:hidden" aria-label="Customer details" aria-expanded={panelOpen} onClick={onTogglePanel}>
            <IconUser />
          </Button>
        </header>
        <ConnectionBanner />
        <ConversationView
          key={conversationId}
          conversationId={conversationId}
          viewer={{ id: viewer.id, role: viewer.role }}
          participants={session.participants}
          isParticipant={isParticipant}
          formerParticipantName="Former agent"
          disabledReason={disabledReason}
          allowNotes
          slash={slash}
          onLiveMessage={onLiveMessage}
          label={`Messages with ${customer?.name ?? "the customer"}`}
        />
      </section>
      <div
        className={
          panelOpen
            ? "absolute inset-y-0 right-0 z-10 w-80 max-w-full overflow-y-auto border-l border-border bg-surface shadow-raised xl:static xl:shadow-none"
            : "hidden w-80 shrink-0 overflow-y-auto border-l border-border bg-surface xl:block"
        }
      >
        {panelOpen && (
          <div className="flex justify-end border-b border-border p-1 xl:hidden">
            <Button variant="ghost" size="sm" onClick={onTogglePanel}>
              <IconX />
              Close details
            </Button>
          </div>
        )}
        <CustomerPanel
          session={session}
          viewer={viewer}
          closeRequest={props.closeRequest}
          onChanged={refresh}
          onOpenSession={onOpenSession}
        />
      </div>
    </div>
  );
}
