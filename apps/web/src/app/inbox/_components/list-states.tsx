import { Alert, Button, EmptyState, Skeleton } from "@parley/ui";
import type { ReactNode } from "react";

/** What a list shows before its rows: loading, failed (with a retry), or empty. */
export function ListStates({
  loading,
  error,
  onRetry,
  empty,
  emptyIcon,
}: {
  loading: boolean;
  error: string | null;
  onRetry(): void;
  empty: string | null;
  emptyIcon: ReactNode;
}) {
  if (error) {
    return (
      <div className="p-4">
        <Alert role="alert" title="This list could not be loaded.">
          <p>{error}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  if (loading) {
    return (
      <div className="flex flex-col gap-3 p-4" aria-busy="true" aria-label="Loading">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (empty) return <EmptyState icon={emptyIcon} title={empty} headingLevel="h3" className="py-10" />;
  return null;
}
