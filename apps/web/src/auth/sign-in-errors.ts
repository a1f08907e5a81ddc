import { CredentialsSignin } from "next-auth";

/**
 * apps/server refused to check the password because of too many recent attempts. It
 * stays a CredentialsSignin, which Auth.js treats as an ordinary refused sign-in, and
 * says how long to wait.
 */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";

  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts; retry after ${retryAfterSeconds} s`);
  }
}
