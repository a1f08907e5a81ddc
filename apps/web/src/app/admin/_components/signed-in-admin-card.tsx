import { Avatar, Card } from "@parley/ui";

import type { UserRole } from "~/auth/roles";
import { RoleBadge } from "~/components/role-badge";

export interface SignedInAdminCardProps {
  name: string;
  email: string | null;
  role: UserRole;
}

/** Who is at the controls: every change made here is recorded under their name. */
export function SignedInAdminCard({ name, email, role }: SignedInAdminCardProps) {
  return (
    <Card className="flex-row items-center gap-3 p-4 sm:min-w-72" data-testid="signed-in-admin">
      <Avatar name={name} size="lg" />
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium tracking-wide text-fg-muted uppercase">Signed in as</p>
        <p className="truncate font-semibold text-fg">{name}</p>
        {email && <p className="truncate text-sm text-fg-muted">{email}</p>}
      </div>
      <RoleBadge role={role} />
    </Card>
  );
}
