/**
 * What may be attached, judged from the bytes and never from the name or the type a
 * client claims. Images are the ones browsers show inline; the rest download.
 */
export const IMAGE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/apng", "image/jpeg", "image/gif", "image/webp"]);

/** Types recognised by their first bytes (their "magic numbers"). */
export const RECOGNISED_TYPES: ReadonlySet<string> = new Set([...IMAGE_TYPES, "application/pdf"]);

/**
 * Plain text has no magic number, so it is accepted only when both the name says text
 * and every byte is UTF-8 without NULs: logs and spreadsheets' CSV exports, which
 * customers and agents send each other all the time.
 */
export const TEXT_TYPE = "text/plain";
export const TEXT_FILE_EXTENSIONS = [".txt", ".log", ".csv"] as const;

export const ALLOWED_TYPES_DESCRIPTION = "PNG, JPEG, GIF and WebP images, PDF documents, and UTF-8 .txt, .log and .csv files";

export function isImageType(mimeType: string): boolean {
  return IMAGE_TYPES.has(mimeType);
}

export function isTextFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return TEXT_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
