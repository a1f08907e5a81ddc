import type { attachments } from "@parley/db";

export type AttachmentRow = typeof attachments.$inferSelect;

/** Where the server serves uploads and downloads; the message view links to the latter. */
export const UPLOADS_PATH = "/uploads";
export const ATTACHMENTS_PATH = "/attachments";

/** The facts of an attachment that travel with its message. */
export type AttachmentSummary = Pick<AttachmentRow, "id" | "fileName" | "mimeType" | "sizeBytes" | "width" | "height">;

/** An attachment as clients see it: never its storage key, uploader or hash. */
export interface AttachmentView extends AttachmentSummary {
  /** The download path on the API server; `?download=1` asks for a download even for images. */
  url: string;
}

export function attachmentUrl(attachmentId: string): string {
  return `${ATTACHMENTS_PATH}/${attachmentId}`;
}

export function toAttachmentView(attachment: AttachmentSummary): AttachmentView {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    mimeType: attachment.mimeType,
    sizeBytes: attachment.sizeBytes,
    width: attachment.width,
    height: attachment.height,
    url: attachmentUrl(attachment.id),
  };
}
