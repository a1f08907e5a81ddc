import type { UserRole } from "@parley/api";
import type { Route } from "next";

export type { UserRole };

const USER_ROLES = ["customer", "agent", "admin"] as const satisfies readonly UserRole[];

export function isUserRole(value: unknown): value is UserRole {
  return USER_ROLES.includes(value as UserRole);
}

export const roleLabels: Record<UserRole, string> = {
  admin: "Admin",
  agent: "Agent",
  customer: "Customer",
};

/** Where each role's working day starts: after signing in, and from the user menu. */
export const roleHomes: Record<UserRole, { href: Route; label: string }> = {
  admin: { href: "/admin", label: "Admin" },
  agent: { href: "/inbox", label: "Inbox" },
  customer: { href: "/chat", label: "Chat" },
};
