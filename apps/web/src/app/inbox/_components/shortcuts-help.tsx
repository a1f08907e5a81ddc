"use client";

import { Button, IconKeyboard } from "@parley/ui";
import { ModalDialog } from "~/components/modal-dialog";
import { DESK_SHORTCUTS } from "../_lib/use-desk-shortcuts";

/** The keyboard shortcuts, one click (or "?") away. */
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <>
      <Button variant="ghost" size="icon" className="max-sm:hidden" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => onOpenChange(true)}>
        <IconKeyboard />
      </Button>
      {open && (
        <ModalDialog
          title="Keyboard shortcuts"
          onClose={() => onOpenChange(false)}
        >
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
            {DESK_SHORTCUTS.map((shortcut) => (
              <div key={shortcut.keys} className="contents">
                <dt>
                  <kbd className="rounded border border-border-strong bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </ModalDialog>
      )}
    </>
  );
}
