import { Markdown } from "@parley/ui";

/** A message's words, as the safe subset of Markdown chat allows (no raw HTML, safe links only). */
export function MessageText({ body }: { body: string }) {
  if (!body) return null;
  return <Markdown>{body}</Markdown>;
}
