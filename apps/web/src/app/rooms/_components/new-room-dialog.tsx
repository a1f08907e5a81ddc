"use client";

import { Alert, Button, inputClassName, Spinner, TextField } from "@parley/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { ModalDialog } from "~/components/modal-dialog";
import { useTRPC } from "~/trpc/react";

/** A new group room with some colleagues (staff know who their colleagues are; customers do not). */
export function NewRoomDialog({ viewerId, onCreated, onClose }: { viewerId: string; onCreated(id: string): void; onClose(): void }) {
  const trpc = useTRPC();
  const colleagues = useQuery(trpc.inboxDesk.agents.queryOptions());
  const [name, setName] = useState("");
  const [visibility, setVisibility] = useState<"private" | "public">("private");
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const create = useMutation(trpc.conversations.createRoom.mutationOptions({ onSuccess: (room) => onCreated(room.id) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), visibility, memberIds });
  };
  return (
    <ModalDialog title="New room" onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        {create.isError && (
          <Alert role="alert" title="The room was not created.">
            {create.error.message}
          </Alert>
        )}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} required />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Who can find it</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="visibility" checked={visibility === "private"} onChange={() => setVisibility("private")} />
            Private: members only
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="visibility" checked={visibility === "public"} onChange={() => setVisibility("public")} />
            Public: anyone signed in may read and join
          </label>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium">Members</legend>
          <div className={inputClassName({ className: "h-40 overflow-y-auto py-1.5" })}>
            {(colleagues.data ?? [])
              .filter((person) => person.id !== viewerId)
              .map((person) => (
                <label key={person.id} className="flex items-center gap-2 py-0.5 text-sm">
                  <input
                    type="checkbox"
                    checked={memberIds.includes(person.id)}
                    onChange={(event) =>
                      setMemberIds((current) => (event.target.checked ? [...current, person.id] : current.filter((id) => id !== person.id)))
                    }
                  />
                  {person.name}
                </label>
              ))}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending || !name.trim() || !memberIds.length}>
            {create.isPending && <Spinner />}
            Create room
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
