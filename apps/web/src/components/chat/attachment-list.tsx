"use client";

import { Button, IconDownload, IconFile, Skeleton } from "@parley/ui";
import { useState } from "react";

import { formatBytes } from "~/lib/format";
import { saveBlob, useAttachmentFetcher, useAttachmentImage } from "./attachment-fetch";
import type { ChatAttachment } from "./types";

/** A message's files: images as previews (click for full size), everything else as a download. */
export function AttachmentList({ attachments }: { attachments: readonly ChatAttachment[] }) {
  if (!attachments.length) return null;
  return (
    <ul className="mt-1 flex flex-col gap-2" aria-label="Attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.mimeType.startsWith("image/") ? (
            <ImagePreview attachment={attachment} />
          ) : (
            <FileDownload attachment={attachment} />
          )}
        </li>
      ))}
    </ul>
  );
}

function ImagePreview({ attachment }: { attachment: ChatAttachment }) {
  const { url, error } = useAttachmentImage(attachment);
  const ratio = attachment.width && attachment.height ? `${attachment.width} / ${attachment.height}` : "4 / 3";
  if (error) return <FileDownload attachment={attachment} />;
  if (!url) return <Skeleton className="w-56 max-w-full" />;
  return (
    <a href={url} target="_blank" rel="noreferrer" className="block rounded-control">
      {/* A plain <img>: a blob URL of a file the server vetted as an image, nothing for next/image to optimise. */}
      <img
        src={url}
        alt={attachment.fileName}
        data-testid="attachment-image"
        className="max-h-64 w-56 max-w-full rounded-control object-cover"
        style={{ aspectRatio: ratio }}
      />
    </a>
  );
}

function FileDownload({ attachment }: { attachment: ChatAttachment }) {
  const fetchAttachment = useAttachmentFetcher();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    setState("busy");
    try {
      saveBlob(await fetchAttachment(attachment, { download: true }), attachment.fileName);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="flex items-center gap-2 rounded-control border border-border bg-surface px-2.5 py-1.5 text-fg">
      <IconFile className="size-4 shrink-0 text-fg-muted" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium">{attachment.fileName}</span>
        <span className="block text-xs text-fg-muted">
          {state === "failed" ? "Download failed, try again" : formatBytes(attachment.sizeBytes)}
        </span>
      </span>
      <Button
        variant="ghost"
        size="icon"
        aria-label={`Download ${attachment.fileName}`}
        disabled={state === "busy"}
        onClick={() => void download()}
      >
        <IconDownload />
      </Button>
    </span>
  );
}
