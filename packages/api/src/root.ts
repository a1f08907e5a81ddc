import { apiKeysRouter } from "./routers/api-keys";
import { auditLogRouter } from "./routers/audit-log";
import { authRouter } from "./routers/auth";
import { conversationsRouter } from "./routers/conversations";
import { messagesRouter } from "./routers/messages";
import { presenceRouter } from "./routers/presence";
import { sessionsRouter } from "./routers/sessions";
import { systemRouter } from "./routers/system";
import { updatesRouter } from "./routers/updates";
import { usersRouter } from "./routers/users";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  auditLog: auditLogRouter,
  sessions: sessionsRouter,
  conversations: conversationsRouter,
  messages: messagesRouter,
  presence: presenceRouter,
  updates: updatesRouter,
});

export type AppRouter = typeof appRouter;
