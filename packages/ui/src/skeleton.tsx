import { clsx } from "clsx";

/** A placeholder the shape of content that is on its way; hidden from screen readers. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span aria-hidden="true" className={clsx("block animate-pulse rounded-control bg-surface-muted", className)} />
  );
}
