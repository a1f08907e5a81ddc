import type { Readable } from "node:stream";

import { TRPCError } from "@trpc/server";
import { attachments, eq, messages } from "@parley/db";
import { z } from "zod";

import type { ServerDependencies, Viewer } from "../../context";
import { StoredFileMissing } from "../../storage/attachment-storage";
import { readConversationAccess } from "../conversations/access";
import type { AttachmentRow } from "./attachment-view";
import { assertApiKeyScope, uploaderIdOf } from "./caller-rules";

type Deps = Pick<ServerDependencies, "db" | "storage">;

export interface OpenedAttachment {
  attachment: AttachmentRow;
  /** Opens the bytes; separate, so that a conditional request answered "not modified" reads nothing. */
  openContent(): Promise<Readable>;
}

/**
 * An attachment for a download, if the viewer may see it: whoever may see the
 * conversation sees the attachments of the messages they see. A private note's files
 * stay with those who see private notes, a deleted message's files go with it, and a
 * file not yet sent is its uploader's alone. What the viewer may not know exists is
 * NOT_FOUND; a conversation they are not part of is FORBIDDEN, as everywhere.
 */
export async function openAttachment(deps: Deps, viewer: Viewer, attachmentId: string): Promise<OpenedAttachment> {
  assertApiKeyScope(viewer, "sessions:read");
  if (!z.uuid().safeParse(attachmentId).success) throw notFound();
  const [found] = await deps.db
    .select({ attachment: attachments, message: { internal: messages.internal, deletedAt: messages.deletedAt } })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .where(eq(attachments.id, attachmentId));
  if (!found) throw notFound();
  const { attachment, message } = found;

  const access = await readConversationAccess(deps.db, viewer, attachment.conversationId);
  if (!message) {
    if (attachment.uploaderId !== uploaderIdOf(viewer)) throw notFound();
  } else if ((message.internal && !access.seesInternal) || message.deletedAt) {
    throw notFound();
  }

  return {
    attachment,
    async openContent() {
      try {
        return await deps.storage.get(attachment.storageKey);
      } catch (error) {
        if (error instanceof StoredFileMissing) throw new TRPCError({ code: "NOT_FOUND", message: "This file is no longer stored." });
        throw error;
      }
    },
  };
}

function notFound() {
  return new TRPCError({ code: "NOT_FOUND", message: "No such attachment." });
}
