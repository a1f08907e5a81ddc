"use client";

import { Button, IconX } from "@parley/ui";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * A modal on the browser's own <dialog>: focus moves in and is kept there, Escape closes
 * it, and focus returns to what opened it. Render it only while open. It is drawn at the
 * end of the page, so that it shows even when opened from a part of the screen that is
 * hidden (a side panel folded away on a small screen).
 */
export function ModalDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-border bg-surface p-0 text-fg shadow-raised backdrop:bg-black/40"
    >
      <div className="flex items-center justify-between gap-3 border-b border-border px-5 py-3">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        <Button variant="ghost" size="icon" aria-label="Close" onClick={() => ref.current?.close()}>
          <IconX />
        </Button>
      </div>
      <div className="p-5">{children}</div>
    </dialog>,
    document.body,
  );
}
