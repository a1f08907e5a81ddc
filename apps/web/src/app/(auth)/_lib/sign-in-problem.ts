import { CredentialsSignin } from "next-auth";

import { SignInRateLimited } from "~/auth/sign-in-errors";
import type { FormProblem } from "./form-state";
import { serverUnavailable, tooManyAttempts, wrongCredentials } from "./problems";

/** What to tell a person whose sign-in Auth.js refused, from the error it threw. */
export function signInProblem(error: unknown): FormProblem {
  if (error instanceof SignInRateLimited) return tooManyAttempts(error.retryAfterSeconds);
  if (error instanceof CredentialsSignin) return wrongCredentials;
  // Anything else is a fault (the server is down, say), already logged by Auth.js.
  return serverUnavailable;
}
