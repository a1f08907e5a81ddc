import { TRPCError } from "@trpc/server";

import type { ApiKeyScope } from "../../auth/scopes";
import type { UserRole, Viewer } from "../../context";

/** Who reads reports: admins, and API keys holding the dashboard scope. */
export const DASHBOARD_ACCESS: { roles: UserRole[]; scope: ApiKeyScope } = { roles: ["admin"], scope: "dashboard:read" };

/**
 * The same rule as the report procedures, for the CSV export, which is plain HTTP:
 * UNAUTHORIZED for nobody, FORBIDDEN for the wrong person or a key without the scope.
 */
export function assertDashboardReader(viewer: Viewer | null): Viewer {
  if (viewer?.kind === "user" && DASHBOARD_ACCESS.roles.includes(viewer.role)) return viewer;
  if (viewer?.kind === "apiKey" && viewer.scopes.includes(DASHBOARD_ACCESS.scope)) return viewer;
  throw new TRPCError(
    viewer
      ? { code: "FORBIDDEN", message: `Reports need an admin account or an API key with the ${DASHBOARD_ACCESS.scope} scope.` }
      : { code: "UNAUTHORIZED", message: "Sign in to continue." },
  );
}
