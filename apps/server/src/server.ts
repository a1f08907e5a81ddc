import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import {
  appRouter,
  ATTACHMENTS_PATH,
  createBus,
  createContextFactory,
  createRateLimits,
  LocalDiskStorage,
  MemoryPresenceStore,
  obeyControlMessages,
  PresenceTracker,
  RedisPresenceStore,
  SocketRegistry,
  UnreadRecounter,
  UPLOADS_PATH,
} from "@parley/api";
import type { DatabaseHandle } from "@parley/db";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";

import packageJson from "../package.json" with { type: "json" };
import { openDatabase } from "./database";
import type { ServerEnv } from "./env";
import { startJobs } from "./jobs";
import { createAttachmentHandlers } from "./http/attachments";
import { withAttachmentPaths } from "./http/attachments-openapi";
import { createCors } from "./http/cors";
import { retryAfterHeader } from "./http/retry-after";
import { DOCS_PREFIX, serveDocs } from "./http/docs";
import { sendDetailedHealth, sendLiveness } from "./http/health";
import { buildOpenApiDocument, createRestHandler, REST_PREFIX } from "./http/openapi";
import { createReportExportHandler, REPORT_EXPORT_PREFIX } from "./http/report-export";
import { createRequestReader } from "./http/request-info";
import { sendJson } from "./http/respond";
import { createRouter } from "./http/router";
import type { Logger } from "./logger";
import { connectRedis } from "./redis";
import { attachWebSocketServer, TRPC_PATH } from "./websocket";

export interface ParleyServer {
  /** The base URL the server listens on, e.g. http://localhost:3001. */
  url: string;
  server: Server;
  /** Stops accepting, tells WebSocket clients to reconnect, then closes every resource. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** An already opened and migrated database, which the server then does not close. */
  database?: DatabaseHandle;
}

export async function startParleyServer(env: ServerEnv, logger: Logger, options: StartOptions = {}): Promise<ParleyServer> {
  const startedAt = new Date();
  const database = options.database ?? (await openDatabase(env, logger));
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, logger) : null;

  const httpServer = createServer();
  const sockets = new SocketRegistry();
  const bus = createBus(redis, env.REDIS_KEY_PREFIX);
  const stopObeying = await obeyControlMessages(bus, sockets);
  const presence = new PresenceTracker({
    db: database.db,
    bus,
    store: redis ? new RedisPresenceStore(redis, env.REDIS_KEY_PREFIX) : new MemoryPresenceStore(),
  });
  const unreadRecounter = new UnreadRecounter(
    { db: database.db, bus },
    { onError: (error) => logger.error({ err: error }, "unread recount failed") },
  );
  const createContext = createContextFactory({
    db: database.db,
    databaseDriver: database.driver,
    authSecret: env.AUTH_SECRET,
    rateLimits: createRateLimits(redis, `${env.REDIS_KEY_PREFIX}:rate-limit`, {
      messagesPerUser: { points: env.MESSAGES_PER_MINUTE, duration: 60 },
      messagesPerIp: { points: env.MESSAGES_PER_MINUTE * 5, duration: 60 },
    }),
    sockets,
    bus,
    presence,
    unreadRecounter,
    storage: new LocalDiskStorage(env.UPLOADS_DIR),
    startedAt,
    version: packageJson.version,
  });
  const readRequest = createRequestReader(env.TRUST_PROXY);
  const webSockets = attachWebSocketServer(httpServer, { createContext, readRequest, sockets, presence, logger });

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PATH}/`,
    maxBodySize: env.MAX_BODY_BYTES,
    createContext: ({ req }) => createContext(readRequest(req, "http")),
    responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "procedure failed");
    },
  });
  const restHandler = createRestHandler({ createContext, readRequest, maxBodySize: env.MAX_BODY_BYTES });
  const attachmentHandlers = createAttachmentHandlers({ createContext, readRequest, maxUploadBytes: env.MAX_UPLOAD_BYTES });
  const reportExport = createReportExportHandler({ createContext, readRequest });
  const applyCors = createCors(env.WEB_ORIGIN);

  await listen(httpServer, env.PORT, env.HOST);
  const { port } = httpServer.address() as AddressInfo;
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const openApiDocument = withAttachmentPaths(buildOpenApiDocument({ publicUrl: url, version: packageJson.version }), {
    publicUrl: url,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
  });

  const router = createRouter(
    [
      { path: "/health", handler: (_req, res) => sendLiveness(res) },
      { path: "/health/detailed", handler: (_req, res) => sendDetailedHealth(res, { database, redis, startedAt }) },
      { path: "/openapi.json", handler: (_req, res) => sendJson(res, 200, openApiDocument) },
      { path: `${DOCS_PREFIX}/`, handler: (_req, res, pathname) => serveDocs(pathname, res) },
      { path: `${TRPC_PATH}/`, handler: (req, res) => trpcHandler(req, res) },
      { path: `${REST_PREFIX}/`, handler: (req, res) => restHandler(req, res) },
      { path: UPLOADS_PATH, handler: attachmentHandlers.upload },
      { path: `${ATTACHMENTS_PATH}/`, handler: attachmentHandlers.download },
      { path: `${REPORT_EXPORT_PREFIX}/`, handler: reportExport },
    ],
    logger,
  );
  httpServer.on("request", async (req, res) => {
    if (await applyCors(req, res)) return;
    router(req, res);
  });

  const stopJobs = env.RUN_JOBS
    ? startJobs(
        { db: database.db, bus, presence, unreadRecounter },
        { idleCloseMinutes: env.AUTO_CLOSE_IDLE_MINUTES, retentionDays: env.RETENTION_DAYS },
        logger,
      )
    : () => {};

  logger.info({ url, database: database.location, redis: redis ? "configured" : "off" }, "parley server listening");

  let closing: Promise<void> | null = null;
  return {
    url,
    server: httpServer,
    close() {
      closing ??= (async () => {
        stopJobs();
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await webSockets.close();
        httpServer.closeIdleConnections();
        await stopped;
        // Counts owed for the last messages go out before the bus and the database close.
        await unreadRecounter.flush();
        stopObeying();
        await bus.close();
        await redis?.quit().catch(() => redis.disconnect());
        if (!options.database) await database.close();
        logger.info("parley server stopped");
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
