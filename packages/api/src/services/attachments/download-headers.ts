import { isImageType, TEXT_TYPE } from "./allowed-content";
import type { AttachmentRow } from "./attachment-view";

type Downloadable = Pick<AttachmentRow, "fileName" | "mimeType" | "sizeBytes" | "sha256">;

/**
 * The headers a file is served with. Uploads come from anyone in a conversation and are
 * served from the API's own origin, so nothing may run there: the browser must not
 * second-guess the sniffed type (nosniff), only images are shown inline, everything
 * else downloads, and a sandboxing policy covers whatever a browser opens anyway.
 */
export function downloadHeaders(file: Downloadable, options: { asDownload: boolean }): Record<string, string> {
  const inline = isImageType(file.mimeType) && !options.asDownload;
  return {
    "content-type": file.mimeType === TEXT_TYPE ? `${TEXT_TYPE}; charset=utf-8` : file.mimeType,
    "content-length": String(file.sizeBytes),
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    // The bytes under an id never change, but who may see them can: cache, and ask each time.
    "cache-control": "private, no-cache",
    etag: `"${file.sha256}"`,
  };
}

/**
 * `filename` for old clients (ASCII only, quotes and backslashes replaced) and
 * `filename*` (RFC 5987, UTF-8) for the rest, which prefer it.
 */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
