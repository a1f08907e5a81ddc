import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";

import { contentWidthClassName } from "./app-shell";

/**
 * The top bar. It takes links as children rather than URLs so that each app keeps its
 * own router's <Link> (client navigation, prefetching, typed routes).
 */
export function TopNav({ className, children, ...props }: ComponentProps<"header">) {
  return (
    <header
      className={clsx(
        "sticky top-0 z-30 border-b border-border bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/70",
        className,
      )}
      {...props}
    >
      <div className={clsx(contentWidthClassName, "flex h-14 items-center gap-3 sm:gap-6")}>{children}</div>
    </header>
  );
}

export interface TopNavLinksProps {
  /** Distinguishes this navigation from others on the page for screen-reader users. */
  label: string;
  children: ReactNode;
  className?: string;
}

export function TopNavLinks({ label, children, className }: TopNavLinksProps) {
  return (
    <nav aria-label={label} className={clsx("min-w-0", className)}>
      <ul className="flex items-center gap-0.5 sm:gap-1">{children}</ul>
    </nav>
  );
}

/** The look of a top-bar link; the current page is marked with aria-current by the app. */
export function topNavLinkClassName({ active = false, className }: { active?: boolean; className?: string } = {}) {
  return clsx(
    "inline-flex h-9 items-center gap-2 rounded-control px-2.5 text-sm font-medium transition-colors sm:px-3 [&_svg]:size-4",
    active ? "bg-brand-soft text-brand-text" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
    className,
  );
}

export function TopNavActions({ className, ...props }: ComponentProps<"div">) {
  return <div className={clsx("ml-auto flex items-center gap-2", className)} {...props} />;
}
