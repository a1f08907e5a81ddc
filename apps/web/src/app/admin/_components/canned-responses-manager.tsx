"use client";

import { Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@parley/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ModalDialog } from "~/components/modal-dialog";
import { useTRPC } from "~/trpc/react";
import { CannedResponseForm, type CannedResponse, type CannedResponseDraft } from "./canned-response-form";
import { MutationProblem } from "./mutation-problem";

/** The desk's and the teams' saved replies: add, change, remove. */
export function CannedResponsesManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.users.teams.queryOptions());
  const responses = useQuery(trpc.cannedResponses.list.queryOptions({ limit: 500 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cannedResponses.pathKey() });
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<CannedResponse | null>(null);

  const create = useMutation(
    trpc.cannedResponses.create.mutationOptions({
      onSuccess: () => {
        setFormKey((key) => key + 1);
        void refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.cannedResponses.update.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.cannedResponses.delete.mutationOptions({ onSuccess: () => void refresh() }));

  const createFrom = (draft: CannedResponseDraft) => {
    const content = { shortcut: draft.shortcut, title: draft.title, body: draft.body, category: draft.category };
    create.mutate(draft.scope === "team" ? { scope: "team", teamId: draft.teamId, ...content } : { scope: "global", ...content });
  };
  // Personal replies belong to the agents who wrote them: the admin manages the shared ones.
  const shared = (responses.data?.items ?? []).filter((response) => response.scope !== "personal");

  return (
    <div className="grid gap-6 lg:grid-cols-[24rem_1fr]">
      <Card className="self-start">
        <CardHeader>
          <div>
            <CardTitle>New response</CardTitle>
            <CardDescription>Placeholders such as {"{{customer.name}}"} are filled in when it is used.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          {teams.data ? (
            <CannedResponseForm
              key={formKey}
              teams={teams.data}
              submitLabel="Add response"
              pending={create.isPending}
              error={create.error}
              onSubmit={createFrom}
            />
          ) : (
            <p className="text-sm text-fg-muted">Loading…</p>
          )}
        </CardContent>
      </Card>

      <Card role="region" aria-labelledby="responses-title" aria-busy={responses.isFetching} className="self-start">
        <CardHeader>
          <CardTitle id="responses-title">Shared responses</CardTitle>
          {responses.data && <Badge>{shared.length}</Badge>}
        </CardHeader>
        <CardContent>
          <MutationProblem error={remove.error} title="The response was not removed." />
          {responses.isError ? (
            <p role="alert" className="text-sm text-danger-text">
              The responses could not be loaded: {responses.error.message}
            </p>
          ) : !responses.data ? (
            <p className="text-sm text-fg-muted">Loading…</p>
          ) : shared.length === 0 ? (
            <p className="text-sm text-fg-muted">No shared responses yet.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-border">
              {shared.map((response) => (
                <li key={response.id} className="flex flex-col gap-2 py-3 first:pt-0 sm:flex-row sm:items-start" data-testid="canned-row">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <code className="text-sm font-medium text-brand-text">/{response.shortcut}</code>
                      <span className="font-medium text-fg">{response.title}</span>
                      <Badge tone={response.scope === "global" ? "brand" : "neutral"}>
                        {response.scope === "global" ? "Whole desk" : response.teamName}
                      </Badge>
                      {response.category && <Badge>{response.category}</Badge>}
                    </div>
                    <p className="mt-1 line-clamp-2 text-sm whitespace-pre-line text-fg-muted">{response.body}</p>
                  </div>
                  {response.canEdit && (
                    <div className="flex shrink-0 gap-2">
                      <Button variant="secondary" size="sm" onClick={() => setEditing(response)} aria-label={`Edit /${response.shortcut}`}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={remove.isPending}
                        aria-label={`Delete /${response.shortcut}`}
                        onClick={() => {
                          if (window.confirm(`Delete /${response.shortcut}?`)) remove.mutate({ id: response.id });
                        }}
                      >
                        Delete
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {editing && teams.data && (
        <ModalDialog title={`Edit /${editing.shortcut}`} onClose={() => setEditing(null)}>
          <CannedResponseForm
            initial={editing}
            teams={teams.data}
            submitLabel="Save changes"
            pending={update.isPending}
            error={update.error}
            onSubmit={(draft) =>
              update.mutate({ id: editing.id, shortcut: draft.shortcut, title: draft.title, body: draft.body, category: draft.category })
            }
          />
        </ModalDialog>
      )}
    </div>
  );
}
