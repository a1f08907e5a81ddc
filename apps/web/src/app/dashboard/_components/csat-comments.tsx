"use client";

import { Button, Card, CardDescription, CardHeader, CardTitle, IconStar, Skeleton } from "@parley/ui";
import { useInfiniteQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";
import { reportInputOf, type ReportFilters } from "../_lib/report-filters";
import { ExportLink } from "./export-link";

const PAGE_SIZE = 10;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The latest ratings that came with a comment, newest first, a page at a time. */
export function CsatComments({ filters }: { filters: ReportFilters }) {
  const trpc = useTRPC();
  const comments = useInfiniteQuery(
    trpc.reports.csatComments.infiniteQueryOptions(
      { ...reportInputOf(filters), limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card role="region" aria-labelledby="comments-title" aria-busy={comments.isFetching} className="lg:col-span-2">
      <CardHeader>
        <div>
          <CardTitle id="comments-title">Comments</CardTitle>
          <CardDescription>What customers wrote with their rating.</CardDescription>
        </div>
        <ExportLink report="csat-comments" filters={filters} label="the rating comments" />
      </CardHeader>
      <div className="px-5 py-5 sm:px-6">
        {comments.isError ? (
          <p role="alert" className="text-sm text-danger-text">
            The comments could not be loaded: {comments.error.message}
          </p>
        ) : !comments.data ? (
          <Skeleton className="h-24 w-full" />
        ) : items.length === 0 ? (
          <p className="text-sm text-fg-muted">No comments in this period.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 py-3 first:pt-0">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span className="inline-flex items-center gap-0.5 text-warning" aria-label={`${item.rating} out of 5 stars`}>
                    {Array.from({ length: 5 }, (_, index) => (
                      <IconStar key={index} aria-hidden="true" className={index < item.rating ? "size-4 fill-current" : "size-4 opacity-30"} />
                    ))}
                  </span>
                  <span className="font-medium text-fg">{item.customerName ?? "A visitor"}</span>
                  {item.agentName && <span className="text-fg-muted">with {item.agentName}</span>}
                  <time className="text-fg-muted" dateTime={item.createdAt.toISOString()}>
                    {timeFormat.format(item.createdAt)}
                  </time>
                </div>
                <p className="text-sm whitespace-pre-line text-fg">{item.comment}</p>
                {item.subject && <p className="text-xs text-fg-muted">{item.subject}</p>}
              </li>
            ))}
          </ul>
        )}
        {comments.hasNextPage && (
          <Button
            variant="secondary"
            size="sm"
            className="mt-4"
            disabled={comments.isFetchingNextPage}
            onClick={() => void comments.fetchNextPage()}
          >
            {comments.isFetchingNextPage ? "Loading…" : "Show more"}
          </Button>
        )}
      </div>
    </Card>
  );
}
