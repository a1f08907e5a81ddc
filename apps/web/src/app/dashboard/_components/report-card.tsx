"use client";

import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Spinner } from "@parley/ui";
import { useId, type ReactNode } from "react";

/**
 * One report on the dashboard: a titled card with its download link, and the same
 * loading and error states everywhere. `children` is only rendered once there is data.
 */
export function ReportCard({
  title,
  description,
  actions,
  query,
  loading,
  className,
  children,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  query: { isError: boolean; isFetching: boolean; hasData: boolean; error?: { message: string } | null; refetch: () => unknown };
  /** What stands in for the content while it first loads. */
  loading: ReactNode;
  className?: string;
  children: () => ReactNode;
}) {
  const titleId = useId();
  return (
    <Card role="region" aria-labelledby={titleId} aria-busy={query.isFetching} className={className}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id={titleId} className="flex items-center gap-2">
            {title}
            {query.isFetching && query.hasData && <Spinner label={`Updating ${title}`} className="text-fg-muted" />}
          </CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-1">{actions}</div>}
      </CardHeader>
      <CardContent>
        {query.isError && !query.hasData ? (
          <Alert role="alert" title={`${title} could not be loaded.`}>
            <p>{query.error?.message}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : query.hasData ? (
          children()
        ) : (
          loading
        )}
      </CardContent>
    </Card>
  );
}

/** The fields of a TanStack query that ReportCard reads. */
export function cardStateOf(query: {
  isError: boolean;
  isFetching: boolean;
  data: unknown;
  error: { message: string } | null;
  refetch: () => unknown;
}) {
  return { isError: query.isError, isFetching: query.isFetching, hasData: query.data !== undefined, error: query.error, refetch: query.refetch };
}
