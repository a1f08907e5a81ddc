"use client";

import { clsx } from "@parley/ui";
import { useRef, type KeyboardEvent } from "react";

export type InboxTab = "waiting" | "mine" | "team" | "closed";

export const INBOX_TABS: { id: InboxTab; label: string; countLabel?: string }[] = [
  { id: "waiting", label: "Waiting", countLabel: "waiting" },
  { id: "mine", label: "Mine", countLabel: "unread" },
  { id: "team", label: "Team" },
  { id: "closed", label: "Closed" },
];

/** The inbox's lists as tabs: arrow keys move between them, as in any tab list. */
export function InboxTabs({
  active,
  counts,
  onChange,
  panelId,
}: {
  active: InboxTab;
  counts: Partial<Record<InboxTab, number>>;
  onChange(tab: InboxTab): void;
  panelId: string;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const index = INBOX_TABS.findIndex((tab) => tab.id === active);
    const next = INBOX_TABS[(index + (event.key === "ArrowRight" ? 1 : -1) + INBOX_TABS.length) % INBOX_TABS.length]!;
    onChange(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div role="tablist" aria-label="Conversation lists" className="flex border-b border-border px-2" onKeyDown={onKeyDown}>
      {INBOX_TABS.map((tab) => {
        const selected = tab.id === active;
        const count = counts[tab.id];
        return (
          <button
            key={tab.id}
            ref={(element) => {
              refs.current[tab.id] = element;
            }}
            type="button"
            role="tab"
            id={`inbox-tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
            className={clsx(
              "flex flex-1 items-center justify-center gap-1.5 border-b-2 px-2 py-2.5 text-sm font-medium transition-colors",
              selected ? "border-brand text-fg" : "border-transparent text-fg-muted hover:text-fg",
            )}
          >
            {tab.label}
            {count ? (
              <span data-testid={`tab-count-${tab.id}`} className="rounded-full bg-surface-muted px-1.5 text-xs text-fg-muted">
                {count}
                {tab.countLabel && <span className="sr-only"> {tab.countLabel}</span>}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
