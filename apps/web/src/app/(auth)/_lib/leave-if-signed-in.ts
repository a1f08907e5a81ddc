import type { Route } from "next";
import { redirect } from "next/navigation";

import { getSession } from "~/auth";
import { roleHomes } from "~/auth/roles";

/**
 * A signed-in person has no use for the sign-in or sign-up form: they go on to where they
 * were headed, or to their role's home. This is also how a fresh sign-in lands somewhere,
 * since only the new session knows the person's role.
 */
export async function leaveIfSignedIn(callbackPath: Route | null): Promise<void> {
  const session = await getSession();
  if (session?.user) redirect(callbackPath ?? roleHomes[session.user.role].href);
}
