/** The server counts a conversation's unread messages up to this; at it, there may be more. */
const COUNTED_UP_TO = 999;

/** A conversation's unread count, shown as a pill; nothing when all is read. */
export function UnreadBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span
      data-testid="unread-badge"
      className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand px-1.5 text-xs font-semibold text-on-brand"
    >
      {count >= COUNTED_UP_TO ? `${COUNTED_UP_TO}+` : count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
