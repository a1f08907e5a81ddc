import { Alert } from "@parley/ui";

/** What went wrong with the last change, in the server's words (it says which field and why). */
export function MutationProblem({ error, title }: { error: { message: string } | null; title: string }) {
  if (!error) return null;
  return (
    <Alert role="alert" tone="danger" title={title}>
      <p>{readableMessage(error.message)}</p>
    </Alert>
  );
}

/** Input errors arrive as zod's JSON list of issues; people want the first message, not the JSON. */
export function readableMessage(message: string): string {
  try {
    const issues = JSON.parse(message) as { message?: string }[];
    if (Array.isArray(issues) && issues[0]?.message) return issues[0].message;
  } catch {
    // a plain sentence already
  }
  return message;
}
