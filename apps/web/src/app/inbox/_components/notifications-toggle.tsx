"use client";

import { Button, IconBell } from "@parley/ui";
import { useEffect, useState } from "react";

type Permission = "default" | "granted" | "denied" | "unsupported";

/** Asks for permission to notify (browsers allow asking only from a click), and says what was decided. */
export function NotificationsToggle() {
  const [permission, setPermission] = useState<Permission>("unsupported");
  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);

  if (permission === "unsupported") return null;
  if (permission === "granted") {
    return (
      <span className="hidden items-center gap-1 text-xs text-fg-muted md:inline-flex" title="Notifications are on while the inbox is in the background">
        <IconBell className="size-3.5" /> Notifications on
      </span>
    );
  }
  if (permission === "denied") {
    return <span className="hidden text-xs text-fg-muted md:inline">Notifications blocked in this browser</span>;
  }
  return (
    <Button variant="ghost" size="sm" onClick={() => void Notification.requestPermission().then(setPermission)}>
      <IconBell />
      <span className="hidden md:inline">Enable notifications</span>
    </Button>
  );
}
