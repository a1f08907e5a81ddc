import { Badge, type BadgeTone } from "@parley/ui";

import { roleLabels, type UserRole } from "~/auth/roles";

const roleTones: Record<UserRole, BadgeTone> = {
  admin: "brand",
  agent: "success",
  customer: "neutral",
};

export function RoleBadge({ role }: { role: UserRole }) {
  return (
    <Badge tone={roleTones[role]} data-role={role}>
      {roleLabels[role]}
    </Badge>
  );
}
