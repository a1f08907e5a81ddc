"use client";

import { clsx, Spinner } from "@parley/ui";

export interface SlashItem {
  id: string;
  /** "/refund" */
  label: string;
  /** The title, and the start of the text. */
  detail: string;
}

/**
 * The suggestions for a "/" command, above the composer. Keyboard control stays in the
 * text box (arrows move, Enter or Tab picks, Escape closes), as a combobox's does.
 */
export function SlashMenu({
  id,
  items,
  loading,
  activeIndex,
  onPick,
}: {
  id: string;
  items: readonly SlashItem[];
  loading: boolean;
  activeIndex: number;
  onPick: (item: SlashItem) => void;
}) {
  return (
    <div className="absolute inset-x-2 bottom-full z-20 mb-2 overflow-hidden rounded-card border border-border bg-surface shadow-raised">
      <p className="flex items-center gap-2 border-b border-border px-3 py-1.5 text-xs text-fg-muted">
        Canned responses {loading && <Spinner />}
      </p>
      {items.length ? (
        <ul id={id} role="listbox" aria-label="Canned responses" className="max-h-60 overflow-y-auto py-1">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              data-testid="canned-option"
              className={clsx("cursor-pointer px-3 py-2 text-sm", index === activeIndex ? "bg-brand-soft" : "hover:bg-surface-muted")}
              // Keeps focus in the text box, so typing can go on after a click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(item)}
            >
              <span className="font-medium text-fg">{item.label}</span>
              <span className="ml-2 line-clamp-1 text-fg-muted">{item.detail}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p id={id} className="px-3 py-3 text-sm text-fg-muted">
          {loading ? "Searching…" : "No canned response matches."}
        </p>
      )}
    </div>
  );
}
