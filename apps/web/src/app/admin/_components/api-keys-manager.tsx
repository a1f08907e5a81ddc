"use client";

import type { ApiKeyScope } from "@parley/api";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  TextField,
} from "@parley/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { formatTimeAgo } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { MutationProblem } from "./mutation-problem";

const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "sessions:read": "Read sessions",
  "sessions:write": "Start and change sessions",
  "messages:write": "Send messages",
  "dashboard:read": "Read reports",
};
// Typed against the server's list, so a new scope cannot be forgotten here (and no server code reaches the browser).
const API_KEY_SCOPES = Object.keys(SCOPE_LABELS) as ApiKeyScope[];

/** The workspace's API keys: create one (its secret is shown once), see when each was used, revoke. */
export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["sessions:read"]);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => {
        setName("");
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => void refresh() }));

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
      <Card className="self-start">
        <CardHeader>
          <div>
            <CardTitle>New key</CardTitle>
            <CardDescription>Name it after what will use it.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ name, scopes });
            }}
          >
            <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} />
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium text-fg">Scopes</legend>
              {API_KEY_SCOPES.map((scope) => (
                <label key={scope} className="flex items-center gap-2 text-sm text-fg">
                  <input
                    type="checkbox"
                    checked={scopes.includes(scope)}
                    onChange={(event) =>
                      setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((one) => one !== scope)))
                    }
                    className="size-4 accent-brand"
                  />
                  {SCOPE_LABELS[scope]} <code className="text-xs text-fg-muted">{scope}</code>
                </label>
              ))}
            </fieldset>
            <MutationProblem error={create.error} title="The key was not created." />
            <Button type="submit" disabled={create.isPending || scopes.length === 0 || !name.trim()}>
              {create.isPending ? "Creating…" : "Create key"}
            </Button>
          </form>
          {create.data && (
            <Alert tone="warning" title="Copy the key now: it is not shown again." className="mt-4" data-testid="new-api-key">
              <code className="block break-all select-all">{create.data.key}</code>
            </Alert>
          )}
        </CardContent>
      </Card>

      <Card role="region" aria-labelledby="keys-title" aria-busy={keys.isFetching}>
        <CardHeader>
          <CardTitle id="keys-title">Keys</CardTitle>
        </CardHeader>
        <CardContent className="px-0 sm:px-0">
          <MutationProblem error={revoke.error} title="The key was not revoked." />
          {keys.isError ? (
            <p role="alert" className="px-5 text-sm text-danger-text">
              The keys could not be loaded: {keys.error.message}
            </p>
          ) : !keys.data ? (
            <p className="px-5 text-sm text-fg-muted">Loading…</p>
          ) : keys.data.length === 0 ? (
            <p className="px-5 text-sm text-fg-muted">No keys yet.</p>
          ) : (
            <Table>
              <caption className="sr-only">API keys</caption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Key</TableHead>
                  <TableHead className="hidden md:table-cell">Scopes</TableHead>
                  <TableHead className="hidden sm:table-cell">Last used</TableHead>
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.data.map((key) => (
                  <TableRow key={key.id} data-testid="api-key-row">
                    <TableCell>
                      <p className="font-medium text-fg">{key.name}</p>
                      <code className="text-xs text-fg-muted">{key.prefix}…</code>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      <div className="flex flex-wrap gap-1">
                        {key.scopes.map((scope) => (
                          <Badge key={scope}>{scope}</Badge>
                        ))}
                      </div>
                    </TableCell>
                    <TableCell className="hidden text-fg-muted sm:table-cell">
                      {key.lastUsedAt ? formatTimeAgo(key.lastUsedAt) : "Never"}
                    </TableCell>
                    <TableCell className="text-right">
                      {key.revokedAt ? (
                        <Badge tone="danger">Revoked</Badge>
                      ) : (
                        <Button
                          variant="secondary"
                          size="sm"
                          disabled={revoke.isPending}
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => {
                            if (window.confirm(`Revoke “${key.name}”? Whatever uses it stops working at once.`)) {
                              revoke.mutate({ id: key.id });
                            }
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
