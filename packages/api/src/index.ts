import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createContextFactory } from "./context";
export type { Context, CreateContext, RequestInfo, ServerDependencies, UserRole, Viewer } from "./context";
export { createCallerFactory, type AccessRule, type ParleyMeta } from "./trpc";
export { createRateLimits, RetryAfter, type RateLimits } from "./rate-limit";
export { SocketRegistry } from "./realtime/socket-registry";
export { createBus } from "./realtime/create-bus";
export { obeyControlMessages } from "./realtime/control";
export type { Bus } from "./realtime/bus";
export { MemoryPresenceStore, RedisPresenceStore } from "./realtime/presence-store";
export { PresenceTracker, PRESENCE_REFRESH_MS } from "./services/presence/presence-tracker";
export { UnreadRecounter } from "./services/inbox/unread-recounter";
export { API_KEY_SCOPES, type ApiKeyScope } from "./auth/scopes";
export { SESSION_COOKIE_NAMES } from "./auth/session-cookie";
export type { AttachmentStorage } from "./storage/attachment-storage";
export { LocalDiskStorage } from "./storage/local-disk-storage";
export { uploadAttachment } from "./services/attachments/upload-attachment";
export { openAttachment } from "./services/attachments/open-attachment";
export { downloadHeaders } from "./services/attachments/download-headers";
export { ATTACHMENTS_PATH, UPLOADS_PATH, type AttachmentView } from "./services/attachments/attachment-view";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { assignWaitingSessions } from "./services/desk/assign";
export { closeIdleSessions } from "./services/desk/close-idle-sessions";
export { archiveOldMessages, DEFAULT_RETENTION_DAYS } from "./services/retention/archive-messages";
export { tallyMessages } from "./services/reports/message-tallies";
export { openReportExport, REPORT_EXPORT_NAMES, type ReportTable } from "./services/reports/export/report-exports";
