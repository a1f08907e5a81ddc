import type { ApiIdentity } from "~/trpc/api-identity";
import { authorizationHeaders } from "~/trpc/api-identity";
import type { ChatAttachment } from "./types";

export class UploadError extends Error {}

/**
 * Sends one file to apps/server's `POST /uploads`, the file itself as the body. XHR
 * rather than fetch because only XHR reports upload progress. The answer is the stored
 * attachment, to be sent with a message by its id.
 */
export function uploadFile(options: {
  apiBase: string;
  identity: ApiIdentity;
  conversationId: string;
  file: File;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<ChatAttachment> {
  const { apiBase, identity, conversationId, file, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ conversationId, fileName: file.name || "file" });
    request.open("POST", `${apiBase}/uploads?${query}`);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(authorizationHeaders(identity))) request.setRequestHeader(name, value);
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = parseJson(request.responseText);
      if (request.status === 201 && answer) return resolve(answer as ChatAttachment);
      const message = (answer as { message?: string } | null)?.message ?? `The upload failed (${request.status}).`;
      reject(new UploadError(message));
    };
    request.onerror = () => reject(new UploadError("The upload failed: no connection."));
    request.onabort = () => reject(new UploadError("Upload cancelled."));
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
