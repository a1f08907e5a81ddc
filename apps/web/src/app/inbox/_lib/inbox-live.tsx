"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

import { useTRPC } from "~/trpc/react";
import { notifyAgent } from "./desk-notifier";

interface InboxLive {
  /** Unread messages per conversation, for the viewer. */
  unread: ReadonlyMap<string, number>;
  totalUnread: number;
  /** Whether the live streams are connected. */
  live: boolean;
}

const InboxLiveContext = createContext<InboxLive>({ unread: new Map(), totalUnread: 0, live: false });

export function useInboxLive(): InboxLive {
  return useContext(InboxLiveContext);
}

/** Lists refresh at most this often while changes pour in. */
const REFRESH_AFTER_MS = 400;

/**
 * The inbox kept live from two streams: the desk's queue (sessions arriving, taken,
 * moved, closed) and the viewer's own inbox (unread counts, sessions given to them,
 * mentions). Lists refetch when what they show has changed; a session assigned or a
 * mention while the tab is in the background raises a desktop notification.
 */
export function InboxLiveProvider({ onOpenConversation, children }: { onOpenConversation: (id: string) => void; children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState<ReadonlyMap<string, number>>(new Map());
  const [totalUnread, setTotalUnread] = useState(0);
  const seenMentions = useRef(new Set<string>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const openRef = useRef(onOpenConversation);
  useEffect(() => {
    openRef.current = onOpenConversation;
  }, [onOpenConversation]);

  const refreshLists = () => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      void queryClient.invalidateQueries(trpc.desk.queue.queryFilter());
      void queryClient.invalidateQueries(trpc.inboxDesk.sessions.queryFilter());
      void queryClient.invalidateQueries(trpc.inboxDesk.agents.queryFilter());
    }, REFRESH_AFTER_MS);
  };
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  const queue = useSubscription(
    trpc.desk.queueEvents.subscriptionOptions(undefined, {
      onData: (event) => {
        // A rating changes no list, only the customer panel that shows it.
        if (event.type === "rated") return void queryClient.invalidateQueries(trpc.inboxDesk.customerProfile.queryFilter());
        refreshLists();
      },
    }),
  );

  const inbox = useSubscription(
    trpc.inbox.events.subscriptionOptions(undefined, {
      onData: (event) => {
        switch (event.type) {
          case "snapshot": {
            setUnread(new Map(event.summary.conversations.map((row) => [row.conversationId, row.unread])));
            setTotalUnread(event.summary.total);
            for (const mention of event.summary.mentions) seenMentions.current.add(mention.messageId);
            return;
          }
          case "unread.changed": {
            setUnread((current) => new Map(current).set(event.conversationId, event.unread));
            setTotalUnread(event.total);
            refreshLists();
            return;
          }
          case "conversation.added": {
            refreshLists();
            if (event.reason === "assigned" || event.reason === "transferred") {
              notifyAgent("New conversation for you", event.subject ?? "A customer is waiting for your reply.", () =>
                openRef.current(event.conversationId),
              );
            }
            return;
          }
          case "mention": {
            if (seenMentions.current.has(event.messageId)) return;
            seenMentions.current.add(event.messageId);
            notifyAgent(`${event.sender?.name ?? "Someone"} mentioned you`, event.excerpt, () => openRef.current(event.conversationId));
            return;
          }
        }
      },
    }),
  );

  // A stream the server ended with an error is started again after a pause.
  const { status: queueStatus, reset: restartQueue } = queue;
  const { status: inboxStatus, reset: restartInbox } = inbox;
  useEffect(() => {
    if (queueStatus !== "error" && inboxStatus !== "error") return;
    const timer = setTimeout(() => {
      if (queueStatus === "error") restartQueue();
      if (inboxStatus === "error") restartInbox();
    }, 3_000);
    return () => clearTimeout(timer);
  }, [queueStatus, inboxStatus, restartQueue, restartInbox]);

  // Back from a lost connection: what changed meanwhile is read again.
  const live = queueStatus === "pending" && inboxStatus === "pending";
  const wasLive = useRef(live);
  useEffect(() => {
    if (live && !wasLive.current) refreshLists();
    wasLive.current = live;
    // refreshLists only schedules invalidations: no need to run again when it changes.
  }, [live]);

  return <InboxLiveContext value={{ unread, totalUnread, live }}>{children}</InboxLiveContext>;
}
