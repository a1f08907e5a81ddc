import { CredentialsSignin, type NextAuthConfig } from "next-auth";

import { env } from "~/env";
import { parleyCredentials } from "./credentials";
import { isUserRole } from "./roles";

/** A month: agents and admins come back daily, and an idle week does not sign them out. */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Auth.js for Parley: sessions are encrypted JWT cookies. apps/server decrypts the same
 * cookie with the same secret (the cookie's name is the key's salt), so neither the
 * cookie's name nor its encoding may change here without changing the server too.
 */
export const authConfig = {
  secret: env.AUTH_SECRET,
  // Behind `next start` or a proxy the site's address comes from the request's Host
  // header; there is no single canonical URL to configure.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [parleyCredentials],
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    jwt({ token, user }) {
      // `user` is what `authorize` returned, and is there only at sign-in; `sub` is its id.
      if (user) token.role = user.role;
      // A token without an account and a role is no Parley session: null signs it out.
      return token.sub && isUserRole(token.role) ? token : null;
    },
    session({ session, token }) {
      if (token.sub && isUserRole(token.role)) {
        session.user.id = token.sub;
        session.user.role = token.role;
      }
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password or a rate limit is an answer, not a fault; apps/server audits them.
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
