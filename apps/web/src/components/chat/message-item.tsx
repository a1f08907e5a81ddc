"use client";

import { Avatar, Button, ChatBubble, DeliveryTicks, IconPencil, IconReply, IconTrash } from "@parley/ui";
import { memo } from "react";

import { formatMessageTime } from "~/lib/format";
import { AttachmentList } from "./attachment-list";
import { MessageText } from "./message-text";
import type { ChatMessage, DeliveryStatus } from "./types";

export interface MessageActions {
  onReply?: () => void;
  onEdit?: () => void;
  onDelete?: () => void;
}

export interface MessageItemProps extends MessageActions {
  message: ChatMessage;
  senderName: string;
  fromViewer: boolean;
  /** The viewer's own messages only (private notes have none: nobody outside the desk reads them). */
  delivery: DeliveryStatus | null;
  replyTo: { senderName: string; excerpt: string } | null;
}

/** One message of a conversation, drawn as what it is: something said, a note, or something that happened. */
export const MessageItem = memo(function MessageItem({
  message,
  senderName,
  fromViewer,
  delivery,
  replyTo,
  onReply,
  onEdit,
  onDelete,
}: MessageItemProps) {
  const time = formatMessageTime(message.createdAt);
  const dateTime = message.createdAt.toISOString();

  if (message.type === "system" || message.type === "order_update" || message.type === "delivery_update") {
    return (
      <div data-testid="message" data-seq={message.seq} data-kind="system">
        <ChatBubble variant="system" time={time} dateTime={dateTime}>
          {message.body}
        </ChatBubble>
      </div>
    );
  }

  const deleted = message.deletedAt !== null;
  const variant = message.internal ? "note" : fromViewer ? "outgoing" : "incoming";
  return (
    <div
      data-testid="message"
      data-seq={message.seq}
      data-kind={message.internal ? "note" : "message"}
      data-from-viewer={fromViewer}
    >
      <ChatBubble
        variant={variant}
        sender={senderName}
        time={time}
        dateTime={dateTime}
        avatar={fromViewer ? undefined : <Avatar name={senderName} size="sm" />}
        muted={deleted}
        quote={replyTo && <ReplyQuote {...replyTo} />}
        actions={deleted ? undefined : <ActionButtons onReply={onReply} onEdit={onEdit} onDelete={onDelete} />}
        footer={
          (message.editedAt && !deleted) || delivery ? (
            <>
              {message.editedAt && !deleted && <span>Edited</span>}
              {delivery && <DeliveryTicks state={delivery} />}
            </>
          ) : undefined
        }
      >
        {deleted ? (
          <p className="italic">This message was deleted.</p>
        ) : (
          <>
            <MessageText body={message.body} />
            <AttachmentList attachments={message.attachments} />
          </>
        )}
      </ChatBubble>
    </div>
  );
});

function ReplyQuote({ senderName, excerpt }: { senderName: string; excerpt: string }) {
  return (
    <blockquote className="mb-1.5 border-l-2 border-current/40 pl-2 text-xs opacity-80">
      <span className="font-medium">{senderName}</span>
      <span className="line-clamp-2">{excerpt}</span>
    </blockquote>
  );
}

function ActionButtons({ onReply, onEdit, onDelete }: MessageActions) {
  return (
    <>
      {onReply && (
        <Button variant="ghost" size="icon" className="size-7" aria-label="Reply" title="Reply" onClick={onReply}>
          <IconReply />
        </Button>
      )}
      {onEdit && (
        <Button variant="ghost" size="icon" className="size-7" aria-label="Edit" title="Edit" onClick={onEdit}>
          <IconPencil />
        </Button>
      )}
      {onDelete && (
        <Button variant="ghost" size="icon" className="size-7" aria-label="Delete" title="Delete" onClick={onDelete}>
          <IconTrash />
        </Button>
      )}
    </>
  );
}
