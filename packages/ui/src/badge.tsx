import { clsx } from "clsx";
import type { ComponentProps } from "react";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "border-border bg-surface-muted text-fg-muted",
  brand: "border-transparent bg-brand-soft text-brand-text",
  success: "border-transparent bg-success-soft text-success-text",
  warning: "border-transparent bg-warning-soft text-warning-text",
  danger: "border-transparent bg-danger-soft text-danger-text",
};

export interface BadgeProps extends ComponentProps<"span"> {
  tone?: BadgeTone;
}

/** A short label: a status, a count, a tag. */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-xs font-medium",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
