import { TRPCError } from "@trpc/server";
import { attachments } from "@parley/db";
import { z } from "zod";

import type { ServerDependencies, Viewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { assertOpen } from "../messages/send-message";
import { toAttachmentView, type AttachmentView } from "./attachment-view";
import { assertApiKeyScope, uploaderIdOf } from "./caller-rules";
import { cleanFileName } from "./file-name";
import { ContentInspection } from "./inspect-content";
import { fileTooLarge } from "./upload-errors";

export interface UploadInput {
  /** As the client sent it: checked here. */
  conversationId: string;
  fileName: string;
  content: AsyncIterable<Uint8Array>;
  /** The size the client announced before sending (Content-Length), if it did. */
  declaredBytes: number | null;
  maxBytes: number;
}

type Deps = Pick<ServerDependencies, "db" | "storage">;

/**
 * Stores a file for a message not yet sent. Everything that can be decided before the
 * content arrives is decided first (name, announced size, the right to post), so a
 * refused upload costs no bytes; the content is then checked as it streams into
 * storage. It becomes part of the conversation when `messages.send` names it.
 */
export async function uploadAttachment(deps: Deps, viewer: Viewer, upload: UploadInput): Promise<AttachmentView> {
  assertApiKeyScope(viewer, "messages:write");
  const fileName = cleanFileName(upload.fileName);
  if (upload.declaredBytes !== null && upload.declaredBytes > upload.maxBytes) throw fileTooLarge(upload.maxBytes);
  const conversationId = parseConversationId(upload.conversationId);
  const access = await readConversationAccess(deps.db, viewer, conversationId);
  if (!access.canPost) throw new TRPCError({ code: "FORBIDDEN", message: "Join this room to share files in it." });
  assertOpen(access.conversation);

  const inspection = new ContentInspection({ fileName, maxBytes: upload.maxBytes });
  const storageKey = await deps.storage.put(inspection.inspect(upload.content));
  const facts = inspection.facts();
  try {
    const [row] = await deps.db
      .insert(attachments)
      .values({ conversationId, uploaderId: uploaderIdOf(viewer), storageKey, fileName, ...facts })
      .returning();
    return toAttachmentView(row!);
  } catch (error) {
    // No row, no file: bytes nobody can reach would only take space.
    await deps.storage.delete(storageKey).catch(() => {});
    throw error;
  }
}

function parseConversationId(value: string): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: "Name the conversation to upload to (conversationId)." });
  return parsed.data;
}
