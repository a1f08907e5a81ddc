"use client";

import { Alert, Button, inputClassName, Spinner } from "@parley/ui";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { ModalDialog } from "~/components/modal-dialog";
import { useTRPC } from "~/trpc/react";

/** Ends the session with a resolution note for the desk's records (the customer does not see it). */
export function CloseDialog({ sessionId, onDone, onClose }: { sessionId: string; onDone(): void; onClose(): void }) {
  const trpc = useTRPC();
  const noteId = useId();
  const [note, setNote] = useState("");
  const close = useMutation(trpc.desk.close.mutationOptions({ onSuccess: onDone }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ sessionId, resolutionNote: note.trim() || undefined });
  };

  return (
    <ModalDialog title="Close conversation" onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        {close.isError && (
          <Alert role="alert" title="The conversation was not closed.">
            {close.error.message}
          </Alert>
        )}
        <div className="flex flex-col gap-1.5">
          <label htmlFor={noteId} className="text-sm font-medium">
            Resolution note <span className="font-normal text-fg-muted">(for your team, optional)</span>
          </label>
          <textarea
            id={noteId}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={3}
            maxLength={2000}
            placeholder="What was the problem, and how was it solved?"
            className={inputClassName({ className: "h-auto py-2" })}
          />
        </div>
        <p className="text-sm text-fg-muted">The customer is then asked to rate the conversation.</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={close.isPending}>
            {close.isPending && <Spinner />}
            Close conversation
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
