import { ATTACHMENTS_PATH, UPLOADS_PATH } from "@parley/api";
import type { OpenAPIObject } from "trpc-to-openapi";

type Paths = NonNullable<OpenAPIObject["paths"]>;

const error = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: { code: { type: "string" }, message: { type: "string" } },
        required: ["code", "message"],
      },
    },
  },
});

const attachment = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    fileName: { type: "string" },
    mimeType: { type: "string", description: "Sniffed from the content, whatever the request said." },
    sizeBytes: { type: "integer" },
    width: { type: ["integer", "null"], description: "Images only." },
    height: { type: ["integer", "null"], description: "Images only." },
    url: { type: "string", description: "The download path on this server." },
  },
  required: ["id", "fileName", "mimeType", "sizeBytes", "width", "height", "url"],
};

/**
 * The file routes, which are plain HTTP beside the generated REST API: described by
 * hand, at the server's root rather than under the REST prefix.
 */
export function withAttachmentPaths(
  document: OpenAPIObject,
  options: { publicUrl: string; maxUploadBytes: number },
): OpenAPIObject {
  const servers = [{ url: options.publicUrl }];
  const security = [{ apiKey: [] }];
  const paths: Paths = {
    [UPLOADS_PATH]: {
      servers,
      post: {
        tags: ["messages"],
        summary: "Upload a file to attach to a message",
        description:
          "The request body is the file itself (any Content-Type; the type is sniffed from the content). " +
          "Allowed: PNG, JPEG, GIF and WebP images, PDF, and UTF-8 text named .txt, .log or .csv. " +
          "Then send a message with the returned id in `attachmentIds`. People in the conversation may upload " +
          "(session cookie or visitor token); API keys need the messages:write scope.",
        security,
        parameters: [
          { name: "conversationId", in: "query", required: true, schema: { type: "string", format: "uuid" } },
          { name: "fileName", in: "query", required: true, schema: { type: "string", maxLength: 255 } },
        ],
        requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
        responses: {
          "201": { description: "Stored, not yet sent", content: { "application/json": { schema: attachment } } },
          "400": error("No conversation or file name, or an empty file"),
          "401": error("Not signed in"),
          "403": error("Not allowed to post in this conversation"),
          "404": error("No such conversation"),
          "412": error("The conversation is closed"),
          "413": error(`Larger than ${options.maxUploadBytes} bytes`),
          "415": error("Not an allowed kind of file"),
        },
      },
    },
    [`${ATTACHMENTS_PATH}/{attachmentId}`]: {
      servers,
      get: {
        tags: ["messages"],
        summary: "Download an attachment",
        description:
          "For those who may see the message it is attached to. Images are served inline, everything else " +
          "as a download. API keys need the sessions:read scope.",
        security,
        parameters: [
          { name: "attachmentId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "download", in: "query", required: false, schema: { type: "string", enum: ["1"] } },
        ],
        responses: {
          "200": { description: "The file, with its sniffed type", content: { "*/*": { schema: { type: "string", format: "binary" } } } },
          "304": { description: "Not modified since the ETag sent in If-None-Match" },
          "401": error("Not signed in"),
          "403": error("Not part of the conversation"),
          "404": error("No such attachment, or not one this caller may know of"),
        },
      },
    },
  };
  return { ...document, paths: { ...document.paths, ...paths } };
}
