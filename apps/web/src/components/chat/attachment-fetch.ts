import { useEffect, useState } from "react";

import { authorizationHeaders } from "~/trpc/api-identity";
import { useApiEndpoints, useApiIdentity } from "~/trpc/react";
import type { ChatAttachment } from "./types";

/**
 * Attachments are served by apps/server to whoever may read the conversation, which a
 * plain <img src> cannot prove for a visitor (their token travels in a header), so files
 * are fetched with the caller's credentials and shown from a local object URL.
 */
export function useAttachmentFetcher() {
  const { base } = useApiEndpoints();
  const identity = useApiIdentity();
  return async (attachment: ChatAttachment, options: { download?: boolean } = {}) => {
    const url = `${base}${attachment.url}${options.download ? "?download=1" : ""}`;
    const response = await fetch(url, { credentials: "include", headers: authorizationHeaders(identity) });
    if (!response.ok) throw new Error(`Could not load ${attachment.fileName} (${response.status}).`);
    return response.blob();
  };
}

/** An image attachment as an object URL, or its loading and error state. */
export function useAttachmentImage(attachment: ChatAttachment) {
  const fetchAttachment = useAttachmentFetcher();
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });

  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    fetchAttachment(attachment)
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ url: objectUrl, error: null });
      })
      .catch((error: unknown) => !cancelled && setState({ url: null, error: error instanceof Error ? error.message : "Could not load." }));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
    // One fetch per attachment: an id always points to the same file.
  }, [attachment.id]);

  return state;
}

/** Saves a file under its own name, as a download link would. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
