import { Avatar, Badge, clsx } from "@parley/ui";
import type { ReactNode } from "react";

import { UnreadBadge } from "~/components/unread-badge";

export interface ListItemProps {
  id: string;
  title: string;
  person: string;
  preview: string | null;
  /** Right of the title: a time, or how long the customer has waited. */
  meta: ReactNode;
  priority: "low" | "normal" | "high" | "urgent";
  unread: number;
  selected: boolean;
  onSelect(): void;
  /** Extra controls at the end of the row (a "Take" button). */
  action?: ReactNode;
}

const priorityTone = { urgent: "danger", high: "warning" } as const;

/** One conversation in an inbox list. The whole row opens it; the list is navigable by keyboard. */
export function ListItem({ id, title, person, preview, meta, priority, unread, selected, onSelect, action }: ListItemProps) {
  return (
    <li
      data-testid="inbox-item"
      data-conversation-id={id}
      className={clsx("relative flex items-stretch border-b border-border", selected ? "bg-brand-soft" : "hover:bg-surface-muted")}
    >
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? "true" : undefined}
        className="flex min-w-0 flex-1 items-start gap-3 px-4 py-3 text-left outline-offset-[-2px]"
      >
        <Avatar name={person} size="sm" />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-2">
            <span className={clsx("min-w-0 flex-1 truncate text-sm", unread ? "font-semibold text-fg" : "font-medium text-fg")}>{title}</span>
            <span className="shrink-0 text-xs text-fg-muted">{meta}</span>
          </span>
          <span className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate text-xs text-fg-muted">
              {person}
              {preview ? ` · ${preview}` : ""}
            </span>
            {priority !== "normal" && priority !== "low" && <Badge tone={priorityTone[priority]}>{priority}</Badge>}
            <UnreadBadge count={unread} />
          </span>
        </span>
      </button>
      {action && <div className="flex items-center pr-3">{action}</div>}
    </li>
  );
}
