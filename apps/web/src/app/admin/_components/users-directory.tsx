"use client";

import {
  Alert,
  Badge,
  Button,
  Card,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  EmptyState,
  IconSearch,
  IconUsers,
  inputClassName,
  Spinner,
} from "@parley/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";

import { roleLabels, type UserRole } from "~/auth/roles";
import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC } from "~/trpc/react";
import { UsersTable } from "./users-table";
import { UsersTableLoading } from "./users-table-loading";

const PAGE_SIZE = 20;
const SEARCH_PAUSE_MS = 250;

type RoleFilter = UserRole | "all";
const roleFilters: { value: RoleFilter; label: string }[] = [
  { value: "all", label: "All roles" },
  { value: "admin", label: `${roleLabels.admin}s` },
  { value: "agent", label: `${roleLabels.agent}s` },
  { value: "customer", label: `${roleLabels.customer}s` },
];

/**
 * Everyone with an account, from apps/server's `users.list`: called from the browser, with
 * the session cookie, so the server decides what an admin may see.
 */
export function UsersDirectory() {
  const trpc = useTRPC();
  const searchId = useId();
  const roleId = useId();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<RoleFilter>("all");
  const [page, setPage] = useState(0);
  const settledSearch = useDebouncedValue(search.trim(), SEARCH_PAUSE_MS);

  const users = useQuery({
    ...trpc.users.list.queryOptions({
      search: settledSearch || undefined,
      role: role === "all" ? undefined : role,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    // The current page stays on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });

  const total = users.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);

  return (
    <Card role="region" aria-labelledby="people-title" aria-busy={users.isFetching}>
      <CardHeader className="flex-col sm:flex-row sm:items-start">
        <div>
          <CardTitle id="people-title" className="flex items-center gap-2">
            People
            {users.data && <Badge>{total}</Badge>}
          </CardTitle>
          <CardDescription>Everyone with a Parley account: your team and your customers.</CardDescription>
        </div>
        {users.isFetching && users.data && <Spinner label="Updating the list" className="text-fg-muted sm:mt-1" />}
      </CardHeader>

      <div className="flex flex-col gap-3 px-5 pt-5 pb-4 sm:flex-row sm:px-6">
        <div className="relative flex-1">
          <label htmlFor={searchId} className="sr-only">
            Search people
          </label>
          <IconSearch className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" />
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(0);
            }}
            placeholder="Search by name or email"
            autoComplete="off"
            spellCheck={false}
            className={inputClassName({ className: "pl-9" })}
          />
        </div>
        <div className="sm:w-44">
          <label htmlFor={roleId} className="sr-only">
            Role
          </label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => {
              setRole(event.target.value as RoleFilter);
              setPage(0);
            }}
            className={inputClassName()}
          >
            {roleFilters.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="border-t border-border">
        {users.isError && !users.data ? (
          <div className="p-5 sm:p-6">
            <Alert role="alert" title="The list of people could not be loaded.">
              <p>{users.error.message}</p>
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => void users.refetch()}>
                Try again
              </Button>
            </Alert>
          </div>
        ) : !users.data ? (
          <UsersTableLoading rows={6} />
        ) : users.data.items.length === 0 ? (
          <EmptyState
            icon={<IconUsers />}
            title="No one matches"
            description={settledSearch ? `Nobody's name or email contains “${settledSearch}”.` : "No accounts have this role yet."}
          />
        ) : (
          <UsersTable
            users={users.data.items}
            caption={`People, ${first} to ${last} of ${total}, page ${page + 1} of ${pageCount}`}
          />
        )}
      </div>

      <CardFooter className="justify-between">
        <p aria-live="polite">{total > 0 ? `Showing ${first}–${last} of ${total}` : "No results"}</p>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage((current) => current - 1)}>
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={page + 1 >= pageCount}
            onClick={() => setPage((current) => current + 1)}
          >
            Next
          </Button>
        </div>
      </CardFooter>
    </Card>
  );
}
