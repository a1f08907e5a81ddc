"use client";

import { Button, Spinner, StatusDot } from "@parley/ui";

import { useConnectionStatus } from "~/trpc/react";
import { AvailabilitySwitch } from "./availability-switch";
import { NotificationsToggle } from "./notifications-toggle";
import { ShortcutsHelp } from "./shortcuts-help";

/** The inbox's top line: availability, taking the next customer, notifications, shortcuts. */
export function InboxToolbar({
  viewerId,
  takingNext,
  takeNextMessage,
  onTakeNext,
  helpOpen,
  onHelpOpenChange,
}: {
  viewerId: string;
  takingNext: boolean;
  takeNextMessage: string | null;
  onTakeNext(): void;
  helpOpen: boolean;
  onHelpOpenChange(open: boolean): void;
}) {
  const connection = useConnectionStatus();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-border bg-surface px-3 py-2">
      <h1 className="sr-only">Inbox</h1>
      <AvailabilitySwitch viewerId={viewerId} />
      <Button size="sm" onClick={onTakeNext} disabled={takingNext} title="Take the next waiting customer (Alt + N)">
        {takingNext && <Spinner />}
        Take next
      </Button>
      <p aria-live="polite" className="text-xs text-fg-muted" data-testid="take-next-message">
        {takeNextMessage}
      </p>
      <div className="ml-auto flex items-center gap-1">
        <span className="hidden items-center gap-1.5 text-xs text-fg-muted sm:inline-flex" data-testid="inbox-connection" data-status={connection}>
          <StatusDot status={connection === "live" ? "live" : "connecting"} />
          {connection === "live" ? "Live" : connection === "offline" ? "Offline" : "Connecting…"}
        </span>
        <NotificationsToggle />
        <ShortcutsHelp open={helpOpen} onOpenChange={onHelpOpenChange} />
      </div>
    </div>
  );
}
