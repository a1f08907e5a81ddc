import type { Session } from "next-auth";
import { forbidden, redirect } from "next/navigation";

import { mayEnter, protectedAreas, type ProtectedAreaName } from "./areas";
import { signInPath } from "./callback-url";
import { getSession } from "./index";

/**
 * Lets the signed-in person into an area their role opens, and returns their session.
 * Anyone else is stopped here: anonymous people go to sign in (the proxy has usually sent
 * them there already, with the exact page they asked for), people of another role get the
 * 403 page.
 */
export async function enterArea(name: ProtectedAreaName): Promise<Session> {
  const area = protectedAreas[name];
  const session = await getSession();
  if (!session?.user) redirect(signInPath(area.path));
  if (!mayEnter(area, session.user.role)) forbidden();
  return session;
}
