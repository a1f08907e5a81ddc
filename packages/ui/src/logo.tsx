import { clsx } from "clsx";

export interface LogoMarkProps {
  className?: string;
  /** Name the mark when it stands alone; next to the word "Parley" it is decorative. */
  title?: string;
}

/** Parley's mark: a speech bubble with a typing indicator, the moment before a reply. */
export function LogoMark({ className, title }: LogoMarkProps) {
  return (
    <svg
      viewBox="0 0 32 32"
      className={clsx("size-8 shrink-0 text-brand", className)}
      role={title ? "img" : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
    >
      <rect width="32" height="32" rx="9" fill="currentColor" />
      <path
        d="M12 8h8a4 4 0 0 1 4 4v4a4 4 0 0 1-4 4h-5l-4.4 3.5a.7.7 0 0 1-1.1-.55V19.7A4 4 0 0 1 8 16v-4a4 4 0 0 1 4-4z"
        fill="white"
      />
      <circle cx="12.5" cy="14" r="1.3" fill="currentColor" />
      <circle cx="16" cy="14" r="1.3" fill="currentColor" />
      <circle cx="19.5" cy="14" r="1.3" fill="currentColor" />
    </svg>
  );
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={clsx("inline-flex items-center gap-2", className)}>
      <LogoMark className="size-7" />
      <span className="text-lg font-semibold tracking-tight text-fg">Parley</span>
    </span>
  );
}
