import { useCallback, useRef, useState } from "react";

import { useApiEndpoints, useApiIdentity } from "~/trpc/react";
import { newClientId } from "./feed-state";
import type { ChatAttachment } from "./types";
import { uploadFile } from "./upload-file";

export interface Upload {
  key: string;
  fileName: string;
  progress: number;
  state: "uploading" | "done" | "failed";
  error: string | null;
  attachment: ChatAttachment | null;
}

/**
 * The files picked in a composer: each uploads at once, with its progress, so that by
 * the time the message is written its attachments are usually on the server already.
 */
export function useUploads(conversationId: string) {
  const { base } = useApiEndpoints();
  const identity = useApiIdentity();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const key = newClientId();
        const controller = new AbortController();
        controllers.current.set(key, controller);
        setUploads((current) => [
          ...current,
          { key, fileName: file.name, progress: 0, state: "uploading", error: null, attachment: null },
        ]);
        uploadFile({
          apiBase: base,
          identity,
          conversationId,
          file,
          signal: controller.signal,
          onProgress: (progress) => patch(key, { progress }),
        })
          .then((attachment) => patch(key, { state: "done", progress: 1, attachment }))
          .catch((error: unknown) => patch(key, { state: "failed", error: error instanceof Error ? error.message : "The upload failed." }))
          .finally(() => controllers.current.delete(key));
      }
    },
    [base, conversationId, identity],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }, []);

  const clear = useCallback(() => setUploads([]), []);

  const ready = uploads.filter((upload) => upload.state === "done").map((upload) => upload.attachment!);
  const busy = uploads.some((upload) => upload.state === "uploading");
  return { uploads, add, remove, clear, ready, busy };
}
