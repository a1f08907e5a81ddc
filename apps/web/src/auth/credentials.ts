import type { AppRouter } from "@parley/api";
import { isTRPCClientError } from "@trpc/client";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { onBehalfOf, serverApi } from "~/trpc/server-client";
import { SignInRateLimited } from "./sign-in-errors";

const credentialsSchema = z.object({
  email: z.string().trim().min(1),
  password: z.string().min(1),
});

/** How long to wait when the server says "too many attempts" without saying for how long. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Email and password, checked by apps/server's `auth.signIn`: it owns the accounts,
 * rate-limits attempts and audits failures, so this app never sees a password hash.
 * Returns the account to put in the session, or null for "no such active account".
 */
export const parleyCredentials = Credentials({
  credentials: {
    email: { label: "Email", type: "email" },
    password: { label: "Password", type: "password" },
  },
  async authorize(submitted, request) {
    const credentials = credentialsSchema.safeParse(submitted);
    if (!credentials.success) return null;

    try {
      const account = await serverApi.auth.signIn.mutate(credentials.data, { context: onBehalfOf(request.headers) });
      return { id: account.id, name: account.name, email: account.email, role: account.role };
    } catch (error) {
      if (isTRPCClientError<AppRouter>(error)) {
        switch (error.data?.code) {
          // Unknown email, wrong password or disabled account (the server does not say which),
          // or something that is not an email address at all and so cannot belong to an account.
          case "UNAUTHORIZED":
          case "BAD_REQUEST":
            return null;
          case "TOO_MANY_REQUESTS":
            throw new SignInRateLimited(error.data.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
        }
      }
      // The server is down or failed: a fault to report, not a refused sign-in.
      throw error;
    }
  },
});
