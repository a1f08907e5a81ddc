import type { Route } from "next";

import type { UserRole } from "./roles";

export interface ProtectedArea {
  /** The area's root; every page beneath it belongs to the area too. */
  path: Route;
  /** Who may enter. Everyone else signed in gets the 403 page. */
  roles: readonly UserRole[];
}

/**
 * The parts of the app that need a signed-in person of a certain role. What they show
 * comes from apps/server, which checks every call again: these rules decide what a
 * person is shown, not what they may read.
 */
export const protectedAreas = {
  admin: { path: "/admin", roles: ["admin"] },
  dashboard: { path: "/dashboard", roles: ["admin"] },
  inbox: { path: "/inbox", roles: ["agent", "admin"] },
  rooms: { path: "/rooms", roles: ["customer", "agent", "admin"] },
} as const satisfies Record<string, ProtectedArea>;

export type ProtectedAreaName = keyof typeof protectedAreas;

/** The protected area `pathname` lies in, if any. */
export function areaContaining(pathname: string): ProtectedArea | undefined {
  return Object.values(protectedAreas).find(({ path }) => pathname === path || pathname.startsWith(`${path}/`));
}

export function mayEnter(area: ProtectedArea, role: UserRole): boolean {
  return area.roles.includes(role);
}
