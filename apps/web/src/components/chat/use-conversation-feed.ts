import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { useTRPC, useTRPCClient } from "~/trpc/react";
import { mergeMessages, raiseWatermarks } from "./feed-state";
import type { ChatMessage, Watermarks } from "./types";

const PAGE_SIZE = 30;
/** Typing indicators fade on this side too, in case the "stopped" event never comes. */
const TYPING_FADE_MS = 6_000;
/** A stream the server ended with an error is started again after this pause. */
const RESUBSCRIBE_AFTER_ERROR_MS = 3_000;

export interface ConversationFeed {
  status: "loading" | "error" | "ready";
  error: string | null;
  retry(): void;
  messages: ChatMessage[];
  watermarks: Watermarks;
  /** Who is typing now, besides the viewer. */
  typingUserIds: string[];
  hasMoreBefore: boolean;
  loadingEarlier: boolean;
  loadEarlier(): Promise<void>;
  /** Puts a message the viewer just sent in its place, without waiting for its event. */
  receive(message: ChatMessage): void;
}

/**
 * One conversation as it happens: the newest page of history, then every change live
 * from `messages.events`, resumed from the history's change number so that nothing
 * between the two is missed. After a dropped connection the WebSocket client resubscribes
 * from the last event it saw; whatever is replayed twice merges into the same message.
 * Mount it per conversation (key the component by conversation id).
 */
export function useConversationFeed(
  conversationId: string,
  viewerId: string,
  onLiveMessage?: (message: ChatMessage) => void,
): ConversationFeed {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [watermarks, setWatermarks] = useState<Watermarks>(() => new Map());
  const [typing, setTyping] = useState<Map<string, number>>(() => new Map());
  const [hasMoreBefore, setHasMoreBefore] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  /** Fixed at the first history page: the stream starts from there, once. */
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);

  const history = useQuery({
    ...trpc.messages.history.queryOptions({ conversationId, limit: PAGE_SIZE }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const receipts = useQuery(trpc.messages.receipts.queryOptions({ conversationId }));

  /** Every message id seen so far, so that `onLiveMessage` hears of each message once. */
  const seenIds = useRef(new Set<string>());

  // Each history answer (the first, or a refetch after a reconnect) merges in; the first
  // also fixes where the live stream starts.
  useEffect(() => {
    if (!history.data) return;
    const page = history.data;
    for (const message of page.items) seenIds.current.add(message.id);
    setMessages((current) => mergeMessages(current, page.items));
    if (resumeFrom === null) {
      setHasMoreBefore(page.hasMoreBefore);
      setResumeFrom(String(page.lastEventSeq));
    }
  }, [history.data, resumeFrom]);

  useEffect(() => {
    if (!receipts.data) return;
    setWatermarks((current) => receipts.data.reduce((marks, row) => raiseWatermarks(marks, row.userId, row), current));
  }, [receipts.data]);

  const events = useSubscription(
    trpc.messages.events.subscriptionOptions(
      { conversationId, lastEventId: resumeFrom },
      {
        enabled: resumeFrom !== null,
        onData: ({ data: event }) => {
          if (event.type === "message") {
            setMessages((current) => mergeMessages(current, [event.message]));
            setTyping((current) => withoutTypist(current, event.message.senderId));
            if (!seenIds.current.has(event.message.id)) {
              seenIds.current.add(event.message.id);
              onLiveMessage?.(event.message);
            }
          } else if (event.type === "receipt") {
            setWatermarks((current) => raiseWatermarks(current, event.userId, event));
          } else if (event.userId !== viewerId) {
            setTyping((current) =>
              event.typing ? new Map(current).set(event.userId, Date.now() + TYPING_FADE_MS) : withoutTypist(current, event.userId),
            );
          }
        },
      },
    ),
  );
  const { status: streamStatus, reset: restartStream } = events;
  useEffect(() => {
    if (streamStatus !== "error") return;
    const timer = setTimeout(restartStream, RESUBSCRIBE_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [streamStatus, restartStream]);

  // Fades typists who went quiet without saying so.
  useEffect(() => {
    if (!typing.size) return;
    const nextExpiry = Math.min(...typing.values());
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((current) => new Map([...current].filter(([, until]) => until > now)));
    }, Math.max(0, nextExpiry - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [typing]);

  const oldestSeq = messages[0]?.seq;
  const loadEarlier = useCallback(async () => {
    if (oldestSeq === undefined) return;
    setLoadingEarlier(true);
    try {
      const page = await client.messages.history.query({ conversationId, beforeSeq: oldestSeq, limit: PAGE_SIZE });
      for (const message of page.items) seenIds.current.add(message.id);
      setMessages((current) => mergeMessages(current, page.items));
      setHasMoreBefore(page.hasMoreBefore);
    } finally {
      setLoadingEarlier(false);
    }
  }, [client, conversationId, oldestSeq]);

  const receive = useCallback((message: ChatMessage) => {
    seenIds.current.add(message.id);
    setMessages((current) => mergeMessages(current, [message]));
  }, []);

  const error = history.error ?? receipts.error;
  return {
    status: history.data ? "ready" : error ? "error" : "loading",
    error: error?.message ?? null,
    retry: () => {
      void history.refetch();
      void receipts.refetch();
    },
    messages,
    watermarks,
    typingUserIds: [...typing.keys()],
    hasMoreBefore,
    loadingEarlier,
    loadEarlier,
    receive,
  };
}

function withoutTypist(typing: Map<string, number>, userId: string | null): Map<string, number> {
  if (!userId || !typing.has(userId)) return typing;
  const next = new Map(typing);
  next.delete(userId);
  return next;
}
