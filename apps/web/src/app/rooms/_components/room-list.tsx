"use client";

import type { RouterOutputs } from "@parley/api";
import { Avatar, clsx, EmptyState, IconHash } from "@parley/ui";

import { UnreadBadge } from "~/components/unread-badge";
import { formatTimeAgo } from "~/lib/format";

type Room = RouterOutputs["conversations"]["list"]["items"][number];

/** The rooms the viewer is in, the most recently active first, with what they have not read. */
export function RoomList({ rooms, selectedId, onSelect }: { rooms: readonly Room[]; selectedId: string | null; onSelect(id: string): void }) {
  if (!rooms.length) {
    return <EmptyState icon={<IconHash />} title="No rooms yet" description="Rooms you are added to show up here." headingLevel="h3" />;
  }
  return (
    <ul aria-label="Your rooms">
      {rooms.map((room) => (
        <li key={room.id} data-testid="room-item" className={clsx("border-b border-border", room.id === selectedId ? "bg-brand-soft" : "hover:bg-surface-muted")}>
          <button
            type="button"
            aria-current={room.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(room.id)}
            className="flex w-full items-start gap-3 px-4 py-3 text-left outline-offset-[-2px]"
          >
            <Avatar name={room.subject ?? "Room"} size="sm" />
            <span className="min-w-0 flex-1">
              <span className="flex items-baseline gap-2">
                <span className={clsx("min-w-0 flex-1 truncate text-sm", room.unread ? "font-semibold" : "font-medium")}>{room.subject ?? "Room"}</span>
                <span className="shrink-0 text-xs text-fg-muted">{formatTimeAgo(room.lastActivityAt)}</span>
              </span>
              <span className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate text-xs text-fg-muted">
                  {room.lastMessage ? `${room.lastMessage.senderName ?? "Parley"}: ${room.lastMessage.body}` : "No messages yet"}
                </span>
                <UnreadBadge count={room.unread} />
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
