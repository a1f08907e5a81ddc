import { apiKeysRouter } from "./routers/api-keys";
import { auditLogRouter } from "./routers/audit-log";
import { authRouter } from "./routers/auth";
import { blocksRouter } from "./routers/blocks";
import { cannedResponsesRouter } from "./routers/canned-responses";
import { conversationsRouter } from "./routers/conversations";
import { deskRouter } from "./routers/desk";
import { inboxRouter } from "./routers/inbox";
import { inboxDeskRouter } from "./routers/inbox-desk";
import { messagesRouter } from "./routers/messages";
import { presenceRouter } from "./routers/presence";
import { reportsRouter } from "./routers/reports";
import { searchRouter } from "./routers/search";
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
  desk: deskRouter,
  inbox: inboxRouter,
  inboxDesk: inboxDeskRouter,
  presence: presenceRouter,
  reports: reportsRouter,
  search: searchRouter,
  blocks: blocksRouter,
  cannedResponses: cannedResponsesRouter,
  updates: updatesRouter,
});

export type AppRouter = typeof appRouter;
