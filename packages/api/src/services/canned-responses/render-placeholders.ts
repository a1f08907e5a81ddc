/** The placeholders a canned response may hold, filled when it is used in a conversation. */
export const CANNED_RESPONSE_PLACEHOLDERS = [
  "customer.name",
  "customer.email",
  "agent.name",
  "agent.email",
  "session.subject",
  "session.externalRef",
] as const;

export type PlaceholderName = (typeof CANNED_RESPONSE_PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<PlaceholderName, string | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+\.[A-Za-z]+)\s*\}\}/g;
const KNOWN = new Set<string>(CANNED_RESPONSE_PLACEHOLDERS);

/**
 * Fills the placeholders of `body` with plain text, in a single pass over the body: a
 * value that looks like a placeholder itself (a customer who calls themselves
 * "{{agent.name}}") is inserted as typed and never filled in turn. A known placeholder
 * without a value becomes empty; an unknown one stays as written, so the agent sees the
 * typo before sending rather than a silently missing word.
 */
export function renderCannedResponse(body: string, values: PlaceholderValues): string {
  return body.replace(PLACEHOLDER, (placeholder, name: string) =>
    KNOWN.has(name) ? (values[name as PlaceholderName] ?? "") : placeholder,
  );
}
