"use client";

import type { RouterOutputs } from "@parley/api";
import { Avatar, Badge, Button, clsx, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@parley/ui";
import { useState } from "react";

import { RoleBadge } from "~/components/role-badge";
import { formatTimeAgo } from "~/lib/format";
import { ManageUserDialog } from "./manage-user-dialog";

export type UserRow = RouterOutputs["users"]["list"]["items"][number];

export interface UsersTableProps {
  users: UserRow[];
  /** Names the table for screen readers, with where in the list it is. */
  caption: string;
}

export function UsersTable({ users, caption }: UsersTableProps) {
  const [managing, setManaging] = useState<UserRow | null>(null);
  return (
    <>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Person</TableHead>
            <TableHead>Role</TableHead>
            <TableHead className="hidden md:table-cell">Teams</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden lg:table-cell">Last seen</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <UserTableRow key={user.id} user={user} onManage={() => setManaging(user)} />
          ))}
        </TableBody>
      </Table>
      {managing && <ManageUserDialog user={managing} onClose={() => setManaging(null)} />}
    </>
  );
}

function UserTableRow({ user, onManage }: { user: UserRow; onManage: () => void }) {
  const disabled = user.disabledAt !== null;
  const isStaff = user.role !== "customer";

  return (
    <TableRow data-testid="user-row" data-disabled={disabled || undefined}>
      <TableCell>
        <div className={clsx("flex min-w-0 items-center gap-3", disabled && "opacity-60")}>
          {/* Staff show whether they can take chats right now; customers have no such state. */}
          <Avatar name={user.name} presence={isStaff && !disabled ? user.availability : undefined} />
          <div className="min-w-0">
            <p className="max-w-48 truncate font-medium text-fg sm:max-w-64">{user.name}</p>
            <p className="max-w-48 truncate text-fg-muted sm:max-w-64">{user.email ?? "No email"}</p>
          </div>
        </div>
      </TableCell>
      <TableCell>
        <RoleBadge role={user.role} />
      </TableCell>
      <TableCell className="hidden text-fg-muted md:table-cell">
        {user.teams.length > 0 ? user.teams.map((team) => team.name).join(", ") : "—"}
      </TableCell>
      <TableCell>
        {disabled ? (
          <Badge tone="danger" title={`Disabled ${formatTimeAgo(user.disabledAt!)}`}>
            Disabled
          </Badge>
        ) : (
          <Badge tone="success">Active</Badge>
        )}
      </TableCell>
      <TableCell className="hidden whitespace-nowrap text-fg-muted lg:table-cell">
        {user.lastSeenAt ? (
          <time dateTime={user.lastSeenAt.toISOString()} title={user.lastSeenAt.toLocaleString()}>
            {formatTimeAgo(user.lastSeenAt)}
          </time>
        ) : (
          "Never"
        )}
      </TableCell>
      <TableCell className="text-right">
        {/* Visitors are anonymous chats, not accounts anyone manages. */}
        {!user.isVisitor && (
          <Button variant="ghost" size="sm" onClick={onManage} aria-label={`Manage ${user.name}`}>
            Manage
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
