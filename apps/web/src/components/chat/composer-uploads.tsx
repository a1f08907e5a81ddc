"use client";

import { Button, IconFile, IconX } from "@parley/ui";

import type { Upload } from "./use-uploads";

/** The files picked for the next message, each with its progress or what went wrong. */
export function ComposerUploads({ uploads, onRemove }: { uploads: readonly Upload[]; onRemove: (key: string) => void }) {
  if (!uploads.length) return null;
  return (
    <ul className="flex flex-wrap gap-2 px-3 pt-2" aria-label="Files to send">
      {uploads.map((upload) => (
        <li
          key={upload.key}
          data-testid="composer-upload"
          data-state={upload.state}
          className="flex max-w-full items-center gap-2 rounded-control border border-border bg-surface-muted px-2 py-1 text-xs"
        >
          <IconFile className="size-3.5 shrink-0 text-fg-muted" />
          <span className="max-w-40 truncate">{upload.fileName}</span>
          {upload.state === "uploading" && (
            <progress
              className="h-1.5 w-16 overflow-hidden rounded-full accent-brand"
              value={upload.progress}
              max={1}
              aria-label={`Uploading ${upload.fileName}`}
            />
          )}
          {upload.state === "failed" && <span className="text-danger-text">{upload.error}</span>}
          <Button
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label={`Remove ${upload.fileName}`}
            onClick={() => onRemove(upload.key)}
          >
            <IconX />
          </Button>
        </li>
      ))}
    </ul>
  );
}
