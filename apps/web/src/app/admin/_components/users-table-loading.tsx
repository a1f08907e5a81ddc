import { Skeleton } from "@parley/ui";

/** The table's shape while the first page is on its way. */
export function UsersTableLoading({ rows }: { rows: number }) {
  return (
    <div role="status" className="divide-y divide-border">
      <span className="sr-only">Loading people…</span>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="flex items-center gap-3 px-5 py-3 sm:px-6">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-1.5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-56" />
          </div>
          <Skeleton className="h-5 w-16 rounded-full" />
        </div>
      ))}
    </div>
  );
}
