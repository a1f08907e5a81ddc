"use client";

import { Button, Spinner, TypingIndicator } from "@parley/ui";
import { useRef, useState, type ReactNode } from "react";

import type { MessageActions } from "./message-item";
import { MessageItem } from "./message-item";
import { PendingItem } from "./pending-item";
import type { ChatMessage, DeliveryStatus, PendingMessage } from "./types";
import { useScrollAnchor } from "./use-scroll-anchor";

export interface MessageListProps {
  messages: readonly ChatMessage[];
  pending: readonly PendingMessage[];
  viewerId: string;
  nameOf(userId: string | null): string;
  deliveryOf(message: ChatMessage): DeliveryStatus | null;
  actionsFor(message: ChatMessage): MessageActions;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  hasMoreBefore: boolean;
  loadingEarlier: boolean;
  onLoadEarlier(): Promise<void>;
  /** "Maya is typing…", or null. */
  typingLabel: string | null;
  /** Shown when there is nothing yet. */
  empty?: ReactNode;
  /** The conversation's name for screen readers: "Messages with Maya". */
  label: string;
}

/**
 * The messages of a conversation, oldest at the top. New messages from others are read
 * out by screen readers through a polite live region (one at a time, not the whole list
 * again); "load earlier" keeps the messages being read in place.
 */
export function MessageList(props: MessageListProps) {
  const { messages, pending, viewerId, nameOf, typingLabel } = props;
  const last = messages.at(-1);
  const lastPending = pending.at(-1);
  const { containerRef, onScroll, holdPosition } = useScrollAnchor({
    firstKey: messages[0]?.id,
    lastKey: lastPending?.clientId ?? last?.id,
    lastFromViewer: lastPending !== undefined || last?.senderId === viewerId,
    extra: `${typingLabel}:${last?.eventSeq}`,
  });
  const [earlierFailed, setEarlierFailed] = useState(false);

  const loadEarlier = async () => {
    holdPosition();
    setEarlierFailed(false);
    try {
      await props.onLoadEarlier();
    } catch {
      setEarlierFailed(true);
    }
  };

  const byId = new Map(messages.map((message) => [message.id, message]));
  // Only what arrives while the list is open is read out, not the history it opened with.
  const announcedAfterSeq = useRef<number | null>(null);
  if (announcedAfterSeq.current === null && last) announcedAfterSeq.current = last.seq;
  const lastIncoming = [...messages]
    .reverse()
    .find((message) => message.senderId !== viewerId && message.type !== "system" && message.seq > (announcedAfterSeq.current ?? 0));

  return (
    <div ref={containerRef} onScroll={onScroll} className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain px-3 py-4 sm:px-4">
      <div className="flex min-h-full flex-col justify-end gap-3">
        {props.hasMoreBefore && (
          <div className="flex flex-col items-center gap-2">
            <Button variant="secondary" size="sm" onClick={() => void loadEarlier()} disabled={props.loadingEarlier}>
              {props.loadingEarlier ? <Spinner /> : null}
              Load earlier messages
            </Button>
            {earlierFailed && <p className="text-xs text-danger-text">Earlier messages could not be loaded. Try again.</p>}
          </div>
        )}
        {!messages.length && !pending.length && props.empty}
        <ol aria-label={props.label} className="flex flex-col gap-3">
          {messages.map((message) => {
            const replied = message.replyToId ? byId.get(message.replyToId) : undefined;
            return (
              <li key={message.id}>
                <MessageItem
                  message={message}
                  senderName={nameOf(message.senderId)}
                  fromViewer={message.senderId === viewerId}
                  delivery={props.deliveryOf(message)}
                  replyTo={
                    message.replyToId
                      ? {
                          senderName: replied ? nameOf(replied.senderId) : "Earlier message",
                          excerpt: replied ? replied.body || "(attachment)" : "Not loaded",
                        }
                      : null
                  }
                  {...props.actionsFor(message)}
                />
              </li>
            );
          })}
          {pending.map((message) => (
            <li key={message.clientId}>
              <PendingItem
                message={message}
                senderName={nameOf(viewerId)}
                onRetry={() => props.onRetry(message.clientId)}
                onDiscard={() => props.onDiscard(message.clientId)}
              />
            </li>
          ))}
        </ol>
        <div className="min-h-5" data-testid="typing-indicator">
          {typingLabel && <TypingIndicator label={typingLabel} />}
        </div>
        <p aria-live="polite" className="sr-only" data-testid="new-message-announcer">
          {lastIncoming ? `${nameOf(lastIncoming.senderId)}: ${lastIncoming.body || "sent an attachment"}` : ""}
        </p>
      </div>
    </div>
  );
}

