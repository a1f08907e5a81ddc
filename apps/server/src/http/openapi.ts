import type { IncomingMessage, ServerResponse } from "node:http";

import { appRouter, type CreateContext } from "@parley/api";
import { createOpenApiHttpHandler, generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";

import type { RequestReader } from "./request-info";
import { retryAfterHeader } from "./retry-after";

export const REST_PREFIX = "/api/v1";

/** The REST API's description, generated from the same procedures tRPC serves. */
export function buildOpenApiDocument(options: { publicUrl: string; version: string }): OpenAPIObject {
  return generateOpenApiDocument(appRouter, {
    title: "Parley API",
    description:
      "The REST face of Parley's typed procedures: start and work support sessions, send messages, read reports.",
    version: options.version,
    baseUrl: `${options.publicUrl}${REST_PREFIX}`,
    docsUrl: `${options.publicUrl}/docs`,
    tags: ["system", "identity", "sessions", "reports"],
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        description: "An API key made by an admin (`pk_...`), with the scopes the operation names.",
      },
    },
  });
}

/**
 * Serves the REST routes. The adapter matches paths from the root, so the version prefix
 * is taken off before it sees the request.
 */
export function createRestHandler(options: { createContext: CreateContext; readRequest: RequestReader; maxBodySize: number }) {
  const handle = createOpenApiHttpHandler({
    router: appRouter,
    maxBodySize: options.maxBodySize,
    responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    // The adapter hands createContext a fetch Request; the socket details live on the Node request.
    createContext: ({ res }) => options.createContext(options.readRequest(res.req, "rest")),
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    req.url = req.url!.slice(REST_PREFIX.length) || "/";
    return handle(req, res);
  };
}
