import type { DefaultSession } from "next-auth";

import type { UserRole } from "./roles";

// What Parley keeps in its session, on top of Auth.js's name and email.
declare module "next-auth" {
  /** The account as `authorize` returns it at sign-in. */
  interface User {
    role: UserRole;
  }

  interface Session {
    user: {
      /** The account's id on apps/server: the token's `sub`. */
      id: string;
      role: UserRole;
    } & DefaultSession["user"];
  }
}
