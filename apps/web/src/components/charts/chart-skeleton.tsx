import { Skeleton } from "@parley/ui";

/** The chart's place while it cannot be drawn yet (on the server, or while its figures load). */
export function ChartSkeleton({ height }: { height: number }) {
  return (
    <div style={{ height }}>
      <Skeleton className="size-full" />
    </div>
  );
}
