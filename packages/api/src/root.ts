import { apiKeysRouter } from "./routers/api-keys";
import { auditLogRouter } from "./routers/audit-log";
import { authRouter } from "./routers/auth";
import { sessionsRouter } from "./routers/sessions";
import { systemRouter } from "./routers/system";
import { usersRouter } from "./routers/users";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  auditLog: auditLogRouter,
  sessions: sessionsRouter,
});

export type AppRouter = typeof appRouter;
