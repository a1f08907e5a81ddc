"use client";

import { Alert, Button, Skeleton } from "@parley/ui";
import { useCallback, useMemo, useState, type ReactNode } from "react";

import { useTRPCClient } from "~/trpc/react";
import { Composer, type ComposerSubmission, type SlashCommands } from "./composer";
import { deliveryStatusOf } from "./feed-state";
import type { MessageActions } from "./message-item";
import { MessageList } from "./message-list";
import type { ChatMessage, ChatParticipant } from "./types";
import { mentionedIn } from "./mentions";
import { typingLabel } from "./typing-label";
import { useConversationFeed } from "./use-conversation-feed";
import { useMessageSender } from "./use-message-sender";
import { useReceiptMarker } from "./use-receipt-marker";
import { useTypingSignal } from "./use-typing-signal";

/** Authors may edit for 15 minutes after sending, as the server allows. */
const EDIT_WINDOW_MS = 15 * 60_000;

export interface ConversationViewProps {
  conversationId: string;
  viewer: { id: string; role: "customer" | "agent" | "admin" };
  participants: readonly ChatParticipant[];
  /** Whether the viewer takes part (and so keeps receipts). */
  isParticipant: boolean;
  /** Why nothing can be written, or null. */
  disabledReason?: string | null;
  /** The name of someone no longer in the conversation ("Support" for a customer). */
  formerParticipantName: string;
  allowNotes?: boolean;
  slash?: SlashCommands;
  /** Told of every message that arrives live, once: notifications, status changes. */
  onLiveMessage?(message: ChatMessage): void;
  /** Shown instead of the composer (the rating form once a session is closed). */
  footer?: ReactNode;
  /** Replaces the empty list's text. */
  empty?: ReactNode;
  label: string;
}

/**
 * A conversation on screen: its messages live, the composer, replies, edits and
 * deletions, receipts both ways and typing both ways. The same for the customer chat, the
 * website widget, the agent inbox and rooms. Key it by conversation id.
 */
export function ConversationView(props: ConversationViewProps) {
  const { conversationId, viewer, participants } = props;
  const client = useTRPCClient();
  const feed = useConversationFeed(conversationId, viewer.id, props.onLiveMessage);
  const sender = useMessageSender(conversationId, feed.receive);
  const typing = useTypingSignal(conversationId, !props.disabledReason);
  useReceiptMarker(conversationId, viewer.id, feed.messages, props.isParticipant);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [editing, setEditing] = useState<ChatMessage | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const editingTarget = useMemo(() => editing && { messageId: editing.id, body: editing.body }, [editing]);

  const names = useMemo(() => new Map(participants.map((person) => [person.userId, person.name])), [participants]);
  const nameOf = useCallback(
    (userId: string | null) => (userId === viewer.id ? "You" : userId ? (names.get(userId) ?? props.formerParticipantName) : "Parley"),
    [names, props.formerParticipantName, viewer.id],
  );

  const deliveryOf = useCallback(
    (message: ChatMessage) =>
      message.senderId === viewer.id && !message.internal && !message.deletedAt ? deliveryStatusOf(message.seq, viewer.id, feed.watermarks) : null,
    [feed.watermarks, viewer.id],
  );

  const change = async (run: () => Promise<ChatMessage>) => {
    setActionError(null);
    try {
      feed.receive(await run());
    } catch (error) {
      setActionError(error instanceof Error ? error.message : "That did not work.");
    }
  };

  const actionsFor = (message: ChatMessage): MessageActions => {
    if (props.disabledReason) return {};
    const own = message.senderId === viewer.id;
    const editable = own && message.type === "text" && Date.now() - message.createdAt.getTime() < EDIT_WINDOW_MS;
    return {
      onReply: () => {
        setEditing(null);
        setReplyTo(message);
      },
      onEdit: editable
        ? () => {
            setReplyTo(null);
            setEditing(message);
          }
        : undefined,
      onDelete:
        own || viewer.role === "admin"
          ? () => {
              if (window.confirm("Delete this message? Everyone in the conversation will see that it was deleted.")) {
                void change(() => client.messages.delete.mutate({ messageId: message.id }));
              }
            }
          : undefined,
    };
  };

  const submit = ({ text, internal, attachments }: ComposerSubmission) => {
    if (editing) {
      const messageId = editing.id;
      setEditing(null);
      void change(() => client.messages.edit.mutate({ messageId, body: text }));
      return;
    }
    sender.send({ body: text, internal, attachments, replyToId: replyTo?.id, mentions: mentionedIn(text, participants, viewer.id) });
    setReplyTo(null);
  };

  if (feed.status === "error") {
    return (
      <div className="p-4">
        <Alert role="alert" title="The conversation could not be loaded.">
          <p>{feed.error}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={feed.retry}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }

  const confirmedClientIds = new Set(feed.messages.filter((message) => message.senderId === viewer.id).map((message) => message.clientId));
  const pending = sender.pending.filter((message) => !confirmedClientIds.has(message.clientId));
  const typists = feed.typingUserIds.filter((userId) => userId !== viewer.id).map((userId) => nameOf(userId));

  return (
    <div className="flex min-h-0 flex-1 flex-col" aria-busy={feed.status === "loading"}>
      {feed.status === "loading" ? (
        <div className="flex flex-1 flex-col justify-end gap-3 p-4" aria-label="Loading messages">
          <Skeleton className="h-10 w-2/3" />
          <Skeleton className="ml-auto h-10 w-1/2" />
          <Skeleton className="h-14 w-3/5" />
        </div>
      ) : (
        <MessageList
          label={props.label}
          messages={feed.messages}
          pending={pending}
          viewerId={viewer.id}
          nameOf={nameOf}
          deliveryOf={deliveryOf}
          actionsFor={actionsFor}
          onRetry={sender.retry}
          onDiscard={sender.discard}
          hasMoreBefore={feed.hasMoreBefore}
          loadingEarlier={feed.loadingEarlier}
          onLoadEarlier={feed.loadEarlier}
          typingLabel={typingLabel(typists)}
          empty={props.empty}
        />
      )}
      {actionError && (
        <p role="alert" className="border-t border-border bg-danger-soft px-4 py-2 text-sm text-danger-text">
          {actionError}
        </p>
      )}
      {props.footer ?? (
      <Composer
        conversationId={conversationId}
        disabledReason={props.disabledReason}
        allowNotes={props.allowNotes}
        slash={props.slash}
        replyingTo={replyTo && { senderName: nameOf(replyTo.senderId), excerpt: replyTo.body || "(attachment)" }}
        onCancelReply={() => setReplyTo(null)}
        editing={editingTarget}
        onCancelEdit={() => setEditing(null)}
        onSubmit={submit}
        onTyping={typing.typed}
        onStopTyping={typing.stopped}
      />
      )}
    </div>
  );
}
