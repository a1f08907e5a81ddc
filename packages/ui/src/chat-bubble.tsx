import { clsx } from "clsx";
import type { ReactNode } from "react";

import { IconLock } from "./icons";

/**
 * incoming: from the other side of the conversation.
 * outgoing: from the person looking at the screen.
 * note: an agent's private note; customers never see it, so it must never look like a reply.
 * system: something that happened (assigned, transferred, closed), not something said.
 */
export type ChatBubbleVariant = "incoming" | "outgoing" | "note" | "system";

export interface ChatBubbleProps {
  variant: ChatBubbleVariant;
  sender?: string;
  /** The time as people read it ("10:42"); formatted by the app, which knows the viewer's locale. */
  time?: string;
  /** The same moment for machines (ISO 8601), so the <time> element is meaningful. */
  dateTime?: string;
  avatar?: ReactNode;
  /** The message this one answers, shown inside the bubble above the text. */
  quote?: ReactNode;
  /** Under the bubble: "edited", delivery ticks, a retry button. */
  footer?: ReactNode;
  /** What can be done with the message (reply, edit, delete); shown on hover and on keyboard focus. */
  actions?: ReactNode;
  /** Dims the bubble: a message still on its way, or a deleted one. */
  muted?: boolean;
  children: ReactNode;
  className?: string;
}

const bubbles: Record<Exclude<ChatBubbleVariant, "system">, string> = {
  incoming: "rounded-bl-md bg-surface-muted text-fg",
  outgoing: "rounded-br-md bg-brand text-on-brand",
  note: "rounded-br-md border border-dashed border-note-border bg-note text-fg",
};

export function ChatBubble({
  variant,
  sender,
  time,
  dateTime,
  avatar,
  quote,
  footer,
  actions,
  muted,
  children,
  className,
}: ChatBubbleProps) {
  if (variant === "system") {
    return (
      <div className={clsx("flex justify-center py-1", className)}>
        <p className="rounded-full bg-surface-muted px-3 py-1 text-center text-xs text-fg-muted">
          {children}
          {time && (
            <>
              <span aria-hidden="true"> · </span>
              <time dateTime={dateTime}>{time}</time>
            </>
          )}
        </p>
      </div>
    );
  }

  const fromViewer = variant !== "incoming";
  return (
    <article className={clsx("group flex items-end gap-2", fromViewer && "flex-row-reverse", className)}>
      {avatar}
      <div
        className={clsx(
          "flex max-w-[85%] min-w-0 flex-col gap-1 sm:max-w-[75%]",
          fromViewer ? "items-end" : "items-start",
        )}
      >
        <header className="flex items-center gap-2 px-1 text-xs text-fg-muted">
          {variant === "note" && (
            <span className="inline-flex items-center gap-1 font-medium text-warning-text">
              <IconLock className="size-3" />
              Internal note
            </span>
          )}
          {sender && <span className="font-medium text-fg">{sender}</span>}
          {time && <time dateTime={dateTime}>{time}</time>}
        </header>
        <div className={clsx("flex items-center gap-1", fromViewer && "flex-row-reverse")}>
          <div
            className={clsx(
              "min-w-0 rounded-bubble px-3.5 py-2 text-sm leading-relaxed break-words whitespace-pre-wrap",
              bubbles[variant],
              muted && "opacity-60",
            )}
          >
            {quote}
            {children}
          </div>
          {actions && (
            <div className="flex shrink-0 items-center opacity-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100">
              {actions}
            </div>
          )}
        </div>
        {footer && <footer className="flex items-center gap-1.5 px-1 text-xs text-fg-muted">{footer}</footer>}
      </div>
    </article>
  );
}
