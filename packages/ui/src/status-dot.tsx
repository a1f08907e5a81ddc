import { clsx } from "clsx";

/** Presence of a person (online, away, offline) or state of a live connection (live, connecting). */
export type DotStatus = "online" | "away" | "offline" | "live" | "connecting";

const colours: Record<DotStatus, string> = {
  online: "bg-success",
  live: "bg-success",
  away: "bg-warning",
  connecting: "bg-warning",
  offline: "bg-fg-muted/50",
};

export interface StatusDotProps {
  status: DotStatus;
  /** Name the status for screen readers when no visible text next to the dot already does. */
  label?: string;
  className?: string;
}

export function StatusDot({ status, label, className }: StatusDotProps) {
  const a11y = label ? { role: "img", "aria-label": label } : { "aria-hidden": true };
  return (
    <span className={clsx("relative inline-flex size-2.5 shrink-0", className)} {...a11y}>
      {/* A slow ripple says "this is streaming"; a gentle fade says "still trying". */}
      {status === "live" && (
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60" />
      )}
      <span
        className={clsx(
          "relative inline-flex size-full rounded-full",
          colours[status],
          status === "connecting" && "animate-pulse",
        )}
      />
    </span>
  );
}
