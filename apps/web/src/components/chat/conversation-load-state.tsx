import { Alert, Button, Skeleton } from "@parley/ui";

/** The part of a conversation's query this needs: whether reading it failed, and a way to try again. */
export interface ConversationRead {
  isError: boolean;
  error: { message: string } | null;
  refetch(): unknown;
}

const layouts = {
  /** Inside the customer's chat card. */
  card: { frame: "flex flex-col gap-3 p-4", title: "h-6 w-1/2", body: "h-24 w-full" },
  /** Filling the agent's conversation pane. */
  pane: { frame: "flex flex-1 flex-col gap-3 p-4", title: "h-8 w-1/2", body: "h-40 w-full" },
};

export interface ConversationLoadStateProps {
  read: ConversationRead;
  /** Says what could not be done: "This conversation could not be opened." */
  failedTitle: string;
  /** Names the placeholder for screen readers while it stands in for the conversation. */
  loadingLabel: string;
  layout: keyof typeof layouts;
}

/** Stands in for a conversation not read yet: a placeholder while it loads, or why it failed with a retry. */
export function ConversationLoadState({ read, failedTitle, loadingLabel, layout }: ConversationLoadStateProps) {
  if (read.isError) {
    return (
      <div className="p-4">
        <Alert role="alert" title={failedTitle}>
          <p>{read.error?.message}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => void read.refetch()}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  const { frame, title, body } = layouts[layout];
  return (
    <div className={frame} aria-busy="true" aria-label={loadingLabel}>
      <Skeleton className={title} />
      <Skeleton className={body} />
    </div>
  );
}
