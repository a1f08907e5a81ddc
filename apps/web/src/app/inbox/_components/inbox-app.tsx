"use client";

import { clsx, EmptyState, IconInbox } from "@parley/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState } from "react";

import { useSignedInViewerId, useTRPC } from "~/trpc/react";
import { InboxLiveProvider, useInboxLive } from "../_lib/inbox-live";
import { useDeskShortcuts } from "../_lib/use-desk-shortcuts";
import { useSelectedConversation } from "../_lib/use-selected-conversation";
import { ConversationPane } from "./conversation-pane";
import { InboxFilters } from "./inbox-filters";
import { InboxTabs, type InboxTab } from "./inbox-tabs";
import { InboxToolbar } from "./inbox-toolbar";
import { NO_FILTERS, type ListFilters } from "./list-filters";
import { SessionList } from "./session-list";
import { WaitingList } from "./waiting-list";

export interface InboxViewer {
  id: string;
  name: string;
  role: "agent" | "admin";
}

/**
 * The agent's inbox: lists on the left (waiting, mine, team, closed), the open
 * conversation in the middle and the customer beside it; one column at a time on a phone.
 */
export function InboxApp({ viewer }: { viewer: InboxViewer }) {
  const [selectedId, select] = useSelectedConversation();
  const signedInAs = useSignedInViewerId();
  // Signing out: the page is on its way out; nothing more is asked in anybody's name.
  if (signedInAs !== viewer.id) return null;
  return (
    <InboxLiveProvider onOpenConversation={select}>
      <InboxLayout viewer={viewer} selectedId={selectedId} select={select} />
    </InboxLiveProvider>
  );
}

function InboxLayout({ viewer, selectedId, select }: { viewer: InboxViewer; selectedId: string | null; select(id: string | null): void }) {
  const trpc = useTRPC();
  const panelId = useId();
  const { totalUnread } = useInboxLive();
  const [tab, setTab] = useState<InboxTab>("mine");
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [panelOpen, setPanelOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [closeRequest, setCloseRequest] = useState(0);
  const [takeNextMessage, setTakeNextMessage] = useState<string | null>(null);
  const visibleIds = useRef<string[]>([]);
  const onIdsChange = useCallback((ids: string[]) => {
    visibleIds.current = ids;
  }, []);
  const queue = useQuery(trpc.desk.queue.queryOptions());

  const openTaken = (sessionId: string) => {
    setTab("mine");
    select(sessionId);
  };
  const takeNext = useMutation(
    trpc.desk.takeNext.mutationOptions({
      onSuccess: (assignment) => {
        setTakeNextMessage(assignment ? null : "Nobody you can serve is waiting.");
        if (assignment) openTaken(assignment.sessionId);
      },
      onError: (error) => setTakeNextMessage(error.message),
    }),
  );
  useEffect(() => {
    if (!takeNextMessage) return;
    const timer = setTimeout(() => setTakeNextMessage(null), 6_000);
    return () => clearTimeout(timer);
  }, [takeNextMessage]);

  const step = (by: 1 | -1) => {
    const ids = visibleIds.current;
    if (!ids.length) return;
    const index = selectedId ? ids.indexOf(selectedId) : -1;
    select(ids[index === -1 ? (by === 1 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, index + by))]!);
  };
  useDeskShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    takeNext: () => takeNext.mutate(),
    close: () => setCloseRequest((count) => count + 1),
    help: () => setHelpOpen(true),
  });

  return (
    <div className="flex h-[calc(100dvh-3.5rem-1px)] flex-col" data-testid="inbox">
      <InboxToolbar
        viewerId={viewer.id}
        takingNext={takeNext.isPending}
        takeNextMessage={takeNextMessage}
        onTakeNext={() => takeNext.mutate()}
        helpOpen={helpOpen}
        onHelpOpenChange={setHelpOpen}
      />
      <div className="relative flex min-h-0 flex-1">
        <nav
          aria-label="Conversations"
          className={clsx("min-h-0 w-full flex-col border-r border-border bg-surface lg:flex lg:w-96 lg:shrink-0", selectedId ? "hidden" : "flex")}
        >
          <InboxTabs active={tab} onChange={setTab} panelId={panelId} counts={{ waiting: queue.data?.length, mine: totalUnread }} />
          <InboxFilters filters={filters} onChange={setFilters} />
          <div id={panelId} role="tabpanel" aria-labelledby={`inbox-tab-${tab}`} className="min-h-0 flex-1 overflow-y-auto">
            {tab === "waiting" ? (
              <WaitingList filters={filters} selectedId={selectedId} onSelect={select} onIdsChange={onIdsChange} onTaken={openTaken} />
            ) : (
              <SessionList key={tab} view={tab} filters={filters} selectedId={selectedId} onSelect={select} onIdsChange={onIdsChange} />
            )}
          </div>
        </nav>
        <div className={clsx("relative min-h-0 min-w-0 flex-1 flex-col bg-canvas lg:flex", selectedId ? "flex" : "hidden")}>
          {selectedId ? (
            <ConversationPane
              key={selectedId}
              conversationId={selectedId}
              viewer={viewer}
              panelOpen={panelOpen}
              closeRequest={closeRequest}
              onTogglePanel={() => setPanelOpen((open) => !open)}
              onBack={() => select(null)}
              onOpenSession={(id) => {
                setTab("closed");
                select(id);
              }}
            />
          ) : (
            <EmptyState
              icon={<IconInbox />}
              title="Pick a conversation"
              description="Choose one from the lists, or take the next waiting customer."
              className="m-auto"
            />
          )}
        </div>
      </div>
    </div>
  );
}
