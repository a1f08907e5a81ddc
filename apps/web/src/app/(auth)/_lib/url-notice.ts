import type { FormProblem } from "./form-state";
import { wrongCredentials } from "./problems";

/**
 * Auth.js sends people to the sign-in page with `?error=` when a sign-in it handled on its
 * own endpoints failed (a form posted before the page's script had loaded, say).
 */
export function noticeFromAuthRedirect(error: unknown, code: unknown): FormProblem | null {
  if (typeof error !== "string") return null;
  if (error === "CredentialsSignin" && code === "rate_limited") {
    return { title: "Too many attempts, try again in a few minutes." };
  }
  if (error === "CredentialsSignin") return wrongCredentials;
  return { title: "Signing in did not work.", detail: "Try again in a moment." };
}
