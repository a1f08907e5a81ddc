import { TRPCError } from "@trpc/server";
import { and, asc, attachments, eq, inArray, isNull, type Transaction } from "@parley/db";

import { isImageType } from "./allowed-content";
import type { AttachmentRow } from "./attachment-view";

export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/**
 * Locks the uploads a new message is to carry, inside the message's transaction. Each
 * must have been uploaded by the sender (null for API keys) to this conversation and
 * not be on a message yet: an upload cannot be reused by someone else, elsewhere, or twice.
 */
export async function takeUnsentAttachments(
  tx: Transaction,
  claim: { attachmentIds: string[]; conversationId: string; senderId: string | null },
): Promise<AttachmentRow[]> {
  if (claim.attachmentIds.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `A message carries at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments.` });
  }
  const rows = await tx
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, claim.attachmentIds),
        eq(attachments.conversationId, claim.conversationId),
        claim.senderId ? eq(attachments.uploaderId, claim.senderId) : isNull(attachments.uploaderId),
        isNull(attachments.messageId),
      ),
    )
    // The order they were uploaded in, which is the order every later read shows them in.
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .for("update");
  if (rows.length !== claim.attachmentIds.length) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Attach only files you uploaded to this conversation and have not sent yet.",
    });
  }
  return rows;
}

export async function linkAttachments(tx: Transaction, messageId: string, attachmentIds: string[]): Promise<void> {
  await tx.update(attachments).set({ messageId }).where(inArray(attachments.id, attachmentIds));
}

/** A message of images only shows as an image message; any other file makes it a file message. */
export function messageTypeFor(carried: AttachmentRow[]): "image" | "file" {
  return carried.every((attachment) => isImageType(attachment.mimeType)) ? "image" : "file";
}
