"use client";

import type { RouterOutputs } from "@parley/api";
import { Button, inputClassName, TextField } from "@parley/ui";
import { useId, useState } from "react";

import { MutationProblem } from "./mutation-problem";

type Team = RouterOutputs["users"]["teams"][number];
export type CannedResponse = RouterOutputs["cannedResponses"]["list"]["items"][number];

export interface CannedResponseDraft {
  scope: "global" | "team";
  teamId: string;
  shortcut: string;
  title: string;
  category: string;
  body: string;
}

/** The fields of a saved reply; the scope is chosen only when it is created. */
export function CannedResponseForm({
  initial,
  teams,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial?: CannedResponse;
  teams: Team[];
  submitLabel: string;
  pending: boolean;
  error: { message: string } | null;
  onSubmit: (draft: CannedResponseDraft) => void;
}) {
  const scopeId = useId();
  const teamId = useId();
  const bodyId = useId();
  const [draft, setDraft] = useState<CannedResponseDraft>({
    scope: initial?.scope === "team" ? "team" : "global",
    teamId: initial?.teamId ?? teams[0]?.id ?? "",
    shortcut: initial?.shortcut ?? "",
    title: initial?.title ?? "",
    category: initial?.category ?? "",
    body: initial?.body ?? "",
  });
  const set = (change: Partial<CannedResponseDraft>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(draft);
      }}
    >
      {!initial && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1.5">
            <label htmlFor={scopeId} className="text-sm font-medium text-fg">
              For
            </label>
            <select
              id={scopeId}
              value={draft.scope}
              onChange={(event) => set({ scope: event.target.value as CannedResponseDraft["scope"] })}
              className={inputClassName()}
            >
              <option value="global">The whole desk</option>
              <option value="team">One team</option>
            </select>
          </div>
          {draft.scope === "team" && (
            <div className="flex flex-col gap-1.5">
              <label htmlFor={teamId} className="text-sm font-medium text-fg">
                Team
              </label>
              <select id={teamId} value={draft.teamId} onChange={(event) => set({ teamId: event.target.value })} className={inputClassName()}>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Shortcut"
          hint="Letters, digits and dashes, e.g. refund"
          value={draft.shortcut}
          onChange={(event) => set({ shortcut: event.target.value })}
          required
          maxLength={33}
        />
        <TextField label="Category" value={draft.category} onChange={(event) => set({ category: event.target.value })} />
      </div>
      <TextField label="Title" value={draft.title} onChange={(event) => set({ title: event.target.value })} required />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={bodyId} className="text-sm font-medium text-fg">
          Reply
        </label>
        <textarea
          id={bodyId}
          value={draft.body}
          onChange={(event) => set({ body: event.target.value })}
          required
          rows={5}
          className={inputClassName({ className: "h-auto py-2" })}
        />
      </div>
      <MutationProblem error={error} title="The response was not saved." />
      <Button type="submit" className="self-start" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
