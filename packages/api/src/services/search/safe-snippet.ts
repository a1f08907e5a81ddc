/**
 * Search snippets are built from what people wrote, so they must not carry their markup.
 * PostgreSQL marks the matches with two control characters no message keeps (they are
 * stripped from the text first); the snippet is then escaped as a whole and only those
 * marks become `<mark>` tags. A message saying "<script>" or "<mark>" shows as text.
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function toSafeSnippet(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!)
    .replaceAll(MATCH_START, "<mark>")
    .replaceAll(MATCH_END, "</mark>");
}
