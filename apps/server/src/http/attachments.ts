import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";

import { ATTACHMENTS_PATH, downloadHeaders, openAttachment, uploadAttachment, type CreateContext } from "@parley/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

import type { RequestReader } from "./request-info";
import { sendError, sendErrorMidBody, sendJson } from "./respond";

/**
 * Files over plain HTTP, since tRPC carries JSON:
 * - `POST /uploads?conversationId=…&fileName=…` with the file itself as the body;
 * - `GET /attachments/:id` (`?download=1` to download even an image).
 * Callers are recognised exactly as on tRPC (session cookie, visitor token, API key);
 * the services decide who may do what.
 */
export function createAttachmentHandlers(options: {
  createContext: CreateContext;
  readRequest: RequestReader;
  maxUploadBytes: number;
}) {
  const contextFor = (req: IncomingMessage) => options.createContext(options.readRequest(req, "http"));

  return {
    async upload(req: IncomingMessage, res: ServerResponse) {
      if (req.method !== "POST") return refuseMethod(req, res, "POST");
      const ctx = await contextFor(req);
      if (!ctx.viewer) return refuse(req, res, 401, "UNAUTHORIZED", "Sign in to continue.");
      const query = searchParamsOf(req);
      try {
        const attachment = await uploadAttachment(ctx, ctx.viewer, {
          conversationId: query.get("conversationId") ?? "",
          fileName: query.get("fileName") ?? "",
          content: bodyOf(req),
          declaredBytes: req.headers["content-length"] ? Number(req.headers["content-length"]) : null,
          maxBytes: options.maxUploadBytes,
        });
        sendJson(res, 201, attachment);
      } catch (error) {
        answerError(req, res, error);
      }
    },

    async download(req: IncomingMessage, res: ServerResponse, pathname: string) {
      if (req.method !== "GET" && req.method !== "HEAD") return refuseMethod(req, res, "GET, HEAD");
      const ctx = await contextFor(req);
      if (!ctx.viewer) return refuse(req, res, 401, "UNAUTHORIZED", "Sign in to continue.");
      try {
        const { attachment, openContent } = await openAttachment(ctx, ctx.viewer, pathname.slice(ATTACHMENTS_PATH.length + 1));
        const headers = downloadHeaders(attachment, { asDownload: searchParamsOf(req).get("download") === "1" });
        if (req.headers["if-none-match"] === headers.etag) {
          res.writeHead(304, { etag: headers.etag, "cache-control": headers["cache-control"] });
          return res.end();
        }
        const content = await openContent();
        res.writeHead(200, headers);
        if (req.method === "HEAD") {
          content.destroy();
          return res.end();
        }
        // A reader that goes away mid-file is no error of ours.
        await pipeline(content, res).catch(() => {});
      } catch (error) {
        answerError(req, res, error);
      }
    },
  };
}

/**
 * The request body for the upload service to read. Reading stops at the first refusal
 * without destroying the request, which would take the connection and the answer with it.
 */
function bodyOf(req: IncomingMessage): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) };
}

function answerError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  if (error instanceof TRPCError) return refuse(req, res, getHTTPStatusCodeFromError(error), error.code, error.message);
  if (req.destroyed && !req.complete) return; // the caller hung up mid-upload: nobody to answer
  if (!req.complete) res.setHeader("connection", "close");
  throw error;
}

/**
 * Answers with `{ code, message }`. A body still on its way is not read to the end (a
 * refused upload may be gigabytes): the connection closes shortly after the answer instead.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string) {
  if (req.complete) sendError(res, status, code, message);
  else sendErrorMidBody(req, res, status, code, message);
}

function refuseMethod(req: IncomingMessage, res: ServerResponse, allowed: string) {
  res.setHeader("allow", allowed);
  refuse(req, res, 405, "METHOD_NOT_SUPPORTED", `Use ${allowed}.`);
}

function searchParamsOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? "/", "http://localhost").searchParams;
}
