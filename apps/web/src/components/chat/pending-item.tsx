"use client";

import { Button, ChatBubble, DeliveryTicks } from "@parley/ui";

import { formatMessageTime } from "~/lib/format";
import { AttachmentList } from "./attachment-list";
import { MessageText } from "./message-text";
import type { PendingMessage } from "./types";

/** A message written here that the server has not confirmed yet: on its way, or failed with a way to retry. */
export function PendingItem({
  message,
  senderName,
  onRetry,
  onDiscard,
}: {
  message: PendingMessage;
  senderName: string;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const failed = message.state === "failed";
  return (
    <div data-testid="message" data-kind={message.internal ? "note" : "message"} data-pending={message.state} data-from-viewer="true">
      <ChatBubble
        variant={message.internal ? "note" : "outgoing"}
        sender={senderName}
        time={formatMessageTime(message.createdAt)}
        dateTime={message.createdAt.toISOString()}
        muted={!failed}
        footer={
          <>
            {failed && (
              <>
                <span role="alert" className="text-danger-text">
                  {message.error}
                </span>
                <Button variant="ghost" size="sm" className="h-6 px-2" onClick={onRetry}>
                  Retry
                </Button>
                <Button variant="ghost" size="sm" className="h-6 px-2" onClick={onDiscard}>
                  Discard
                </Button>
              </>
            )}
            <DeliveryTicks state={message.state} />
          </>
        }
      >
        <MessageText body={message.body} />
        <AttachmentList attachments={message.attachments} />
      </ChatBubble>
    </div>
  );
}
