"use client";

import { Button, inputClassName } from "@parley/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { roleLabels, type UserRole } from "~/auth/roles";
import { ModalDialog } from "~/components/modal-dialog";
import { useTRPC } from "~/trpc/react";
import { MutationProblem } from "./mutation-problem";
import type { UserRow } from "./users-table";

const ROLES: UserRole[] = ["customer", "agent", "admin"];

/**
 * An account's role and whether it may sign in. The server refuses what would lock the
 * workspace out (the last admin demoting or disabling themselves) and says why.
 */
export function ManageUserDialog({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roleId = useId();
  const [role, setRole] = useState<UserRole>(user.role);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const setUserRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess: () => void refresh().then(onClose) }));
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: () => void refresh().then(onClose) }));
  const disabled = user.disabledAt !== null;

  return (
    <ModalDialog title={`Manage ${user.name}`} onClose={onClose}>
      <div className="flex flex-col gap-6">
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setUserRole.mutate({ userId: user.id, role });
          }}
        >
          <label htmlFor={roleId} className="text-sm font-medium text-fg">
            Role
          </label>
          <div className="flex gap-2">
            <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as UserRole)} className={inputClassName()}>
              {ROLES.map((one) => (
                <option key={one} value={one}>
                  {roleLabels[one]}
                </option>
              ))}
            </select>
            <Button type="submit" disabled={role === user.role || setUserRole.isPending}>
              {setUserRole.isPending ? "Saving…" : "Change role"}
            </Button>
          </div>
          <MutationProblem error={setUserRole.error} title="The role was not changed." />
        </form>

        <div className="flex flex-col gap-3 border-t border-border pt-5">
          <p className="text-sm text-fg-muted">
            {disabled
              ? "This account cannot sign in. Enabling it lets them back in with their password."
              : "Disabling signs them out everywhere and keeps them from signing in; their conversations stay."}
          </p>
          <Button
            variant={disabled ? "secondary" : "danger"}
            className="self-start"
            disabled={setDisabled.isPending}
            onClick={() => setDisabled.mutate({ userId: user.id, disabled: !disabled })}
          >
            {disabled ? "Enable account" : "Disable account"}
          </Button>
          <MutationProblem error={setDisabled.error} title="The account was not changed." />
        </div>
      </div>
    </ModalDialog>
  );
}
