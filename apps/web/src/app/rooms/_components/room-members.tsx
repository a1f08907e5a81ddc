"use client";

import type { RouterOutputs } from "@parley/api";
import { Avatar, Badge, Button, inputClassName } from "@parley/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { skipToken } from "@tanstack/react-query";
import { useId, useState } from "react";

import { useTRPC } from "~/trpc/react";

type Room = RouterOutputs["conversations"]["get"];

/**
 * Who is in the room. Owners add and remove people (staff pick from their colleagues);
 * anyone may leave.
 */
export function RoomMembers({
  room,
  viewer,
  onChanged,
  onLeft,
}: {
  room: Room;
  viewer: { id: string; role: "customer" | "agent" | "admin" };
  onChanged(): void;
  onLeft(): void;
}) {
  const trpc = useTRPC();
  const addId = useId();
  const [adding, setAdding] = useState("");
  const staff = viewer.role !== "customer";
  const owner = room.participants.some((person) => person.userId === viewer.id && person.role === "owner") || viewer.role === "admin";
  const colleagues = useQuery(trpc.inboxDesk.agents.queryOptions(staff && owner ? undefined : skipToken));
  const add = useMutation(trpc.conversations.addMembers.mutationOptions({ onSuccess: () => (setAdding(""), onChanged()) }));
  const remove = useMutation(trpc.conversations.removeMember.mutationOptions({ onSuccess: onChanged }));
  const leave = useMutation(trpc.conversations.leave.mutationOptions({ onSuccess: onLeft }));
  const memberIds = new Set(room.participants.map((person) => person.userId));
  const error = add.error ?? remove.error ?? leave.error;

  return (
    <aside aria-labelledby="members-title" className="flex flex-col gap-4 p-4" data-testid="room-members">
      <h2 id="members-title" className="text-sm font-semibold">
        Members <span className="font-normal text-fg-muted">({room.participants.length})</span>
      </h2>
      <ul className="flex flex-col gap-2">
        {room.participants.map((person) => (
          <li key={person.userId} className="flex items-center gap-2 text-sm">
            <Avatar name={person.name} size="sm" />
            <span className="min-w-0 flex-1 truncate">{person.userId === viewer.id ? `${person.name} (you)` : person.name}</span>
            {person.role === "owner" && <Badge>owner</Badge>}
            {owner && person.userId !== viewer.id && (
              <Button
                variant="ghost"
                size="sm"
                className="h-7 px-2"
                aria-label={`Remove ${person.name}`}
                onClick={() => remove.mutate({ conversationId: room.id, userId: person.userId })}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {owner && staff && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={addId} className="text-sm font-medium">
            Add a colleague
          </label>
          <div className="flex gap-2">
            <select id={addId} value={adding} onChange={(event) => setAdding(event.target.value)} className={inputClassName({ className: "h-9" })}>
              <option value="">Choose…</option>
              {(colleagues.data ?? [])
                .filter((person) => !memberIds.has(person.id))
                .map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
            </select>
            <Button variant="secondary" disabled={!adding || add.isPending} onClick={() => add.mutate({ conversationId: room.id, userIds: [adding] })}>
              Add
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger-text">
          {error.message}
        </p>
      )}
      <Button
        variant="ghost"
        size="sm"
        className="self-start"
        onClick={() => window.confirm(`Leave ${room.subject ?? "this room"}?`) && leave.mutate({ conversationId: room.id })}
      >
        Leave room
      </Button>
    </aside>
  );
}
