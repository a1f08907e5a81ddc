import { clsx } from "clsx";
import type { ReactNode } from "react";

export interface EmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** What the person can do next: usually one or two buttons or links. */
  actions?: ReactNode;
  /** The heading level that fits the page's outline. */
  headingLevel?: "h1" | "h2" | "h3";
  className?: string;
}

/** What a screen shows when there is nothing to show yet, and the way forward. */
export function EmptyState({
  icon,
  title,
  description,
  actions,
  headingLevel: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div className={clsx("flex flex-col items-center px-6 py-12 text-center sm:py-16", className)}>
      {icon && (
        <div className="mb-5 flex size-12 items-center justify-center rounded-card bg-brand-soft text-brand-text [&_svg]:size-6">
          {icon}
        </div>
      )}
      <Heading className="text-lg font-semibold tracking-tight text-fg">{title}</Heading>
      {description && <div className="mt-2 max-w-md text-sm text-balance text-fg-muted">{description}</div>}
      {actions && <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div>}
    </div>
  );
}
