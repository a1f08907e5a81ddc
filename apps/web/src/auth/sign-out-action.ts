"use server";

import { safeCallbackPath } from "./callback-url";
import { signOut } from "./index";

/** Ends the session and goes to the form's `redirectTo` (a path on this site), or the overview. */
export async function signOutAction(formData: FormData): Promise<void> {
  await signOut({ redirectTo: safeCallbackPath(formData.get("redirectTo")) ?? "/" });
}
