import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";

/** The content column every screen lines up on: header, page and footer share its edges. */
export const contentWidthClassName = "mx-auto w-full max-w-6xl px-4 sm:px-6";

export const MAIN_CONTENT_ID = "main-content";

export interface AppShellProps {
  header: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** The frame of every screen: a skip link, the top bar, the page and an optional footer. */
export function AppShell({ header, footer, children, className }: AppShellProps) {
  return (
    <div className={clsx("flex min-h-dvh flex-col bg-canvas", className)}>
      <SkipToContent />
      {header}
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
      {footer}
    </div>
  );
}

/** Keyboard users jump past the navigation straight to the page. */
function SkipToContent() {
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only rounded-control bg-brand px-4 py-2 text-sm font-medium text-on-brand focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50"
    >
      Skip to content
    </a>
  );
}

export function PageContainer({ className, ...props }: ComponentProps<"div">) {
  return <div className={clsx(contentWidthClassName, "py-8 sm:py-12", className)} {...props} />;
}

export function AppFooter({ className, children, ...props }: ComponentProps<"footer">) {
  return (
    <footer className={clsx("border-t border-border", className)} {...props}>
      <div
        className={clsx(
          contentWidthClassName,
          "flex flex-col gap-2 py-6 text-sm text-fg-muted sm:flex-row sm:items-center sm:justify-between",
        )}
      >
        {children}
      </div>
    </footer>
  );
}
