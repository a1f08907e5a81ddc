import { Avatar, Badge, ChatBubble, StatusDot } from "@parley/ui";

/**
 * What a conversation looks like in Parley, drawn with the same components the inbox
 * uses: a customer, an agent's reply, a private note and the trail of what happened.
 */
export function ConversationPreview() {
  return (
    <figure
      aria-label="Example of a support conversation in Parley"
      className="relative rounded-card border border-border bg-surface shadow-raised"
    >
      <div className="flex items-center gap-3 border-b border-border px-4 py-3">
        <Avatar name="Maya Lopez" presence="online" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-fg">Maya Lopez</p>
          <p className="truncate text-xs text-fg-muted">Order #4821 · Website chat</p>
        </div>
        <Badge tone="success">
          <StatusDot status="online" />
          Active
        </Badge>
      </div>

      <div className="flex flex-col gap-3 px-4 py-4">
        <ChatBubble variant="system" time="10:40">
          Sam Carter joined the conversation
        </ChatBubble>
        <ChatBubble variant="incoming" sender="Maya" time="10:41" avatar={<Avatar name="Maya Lopez" size="sm" />}>
          Hi! My order #4821 was due yesterday and the tracking hasn&apos;t moved.
        </ChatBubble>
        <ChatBubble variant="note" sender="Sam" time="10:42">
          Carrier delay in the north region. Offer express reshipping if it isn&apos;t out today.
        </ChatBubble>
        <ChatBubble variant="outgoing" sender="Sam" time="10:42">
          Sorry about the wait, Maya. It left our warehouse this morning and arrives tomorrow. I&apos;ll keep an eye on it
          for you.
        </ChatBubble>
      </div>

      <figcaption className="flex items-center gap-2 border-t border-border px-4 py-3 text-xs text-fg-muted">
        <span className="inline-flex gap-0.5" aria-hidden="true">
          <span className="size-1.5 animate-bounce rounded-full bg-fg-muted/60 [animation-delay:-0.3s]" />
          <span className="size-1.5 animate-bounce rounded-full bg-fg-muted/60 [animation-delay:-0.15s]" />
          <span className="size-1.5 animate-bounce rounded-full bg-fg-muted/60" />
        </span>
        Maya is typing…
      </figcaption>
    </figure>
  );
}
