import { clsx } from "clsx";
import type { ReactNode } from "react";

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** A line of context under the value: a trend, a unit, when it was measured. */
  hint?: ReactNode;
  icon?: ReactNode;
  className?: string;
}

/**
 * A key figure with its label. Renders a term/description pair, so place it inside a
 * <dl> (for example `StatGroup`) to keep label and value together for screen readers.
 */
export function Stat({ label, value, hint, icon, className }: StatProps) {
  return (
    <div className={clsx("flex min-w-0 flex-col gap-1", className)}>
      <dt className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-fg-muted [&_svg]:size-3.5">
        {icon}
        {label}
      </dt>
      <dd className="text-xl font-semibold tracking-tight break-words text-fg tabular-nums sm:text-2xl">{value}</dd>
      {hint && <dd className="text-xs text-fg-muted">{hint}</dd>}
    </div>
  );
}

export function StatGroup({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={clsx("grid gap-x-6 gap-y-5", className)}>{children}</dl>;
}
