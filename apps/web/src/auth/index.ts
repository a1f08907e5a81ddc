import NextAuth from "next-auth";
import { cache } from "react";

import { authConfig } from "./config";

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);

/** The signed-in person's session, or null; read once per request however many components ask. */
export const getSession = cache(() => auth());
