import { handlers } from "~/auth";

// Auth.js's own endpoints: the session, the CSRF token, the sign-in callback and sign-out.
export const { GET, POST } = handlers;
