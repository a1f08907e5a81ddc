import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";

import { IconAlert } from "./icons";

export type AlertTone = "danger" | "warning" | "info";

const tones: Record<AlertTone, string> = {
  danger: "border-danger/30 bg-danger-soft text-danger-text",
  warning: "border-warning/40 bg-warning-soft text-warning-text",
  info: "border-transparent bg-brand-soft text-brand-text",
};

export interface AlertProps extends Omit<ComponentProps<"div">, "title"> {
  tone?: AlertTone;
  title: ReactNode;
  /** Replaces the warning sign. */
  icon?: ReactNode;
}

/**
 * A message about the whole screen or form, such as "that did not work, and why". Give it
 * role="alert" when it appears in answer to something the person just did.
 */
export function Alert({ tone = "danger", title, icon, className, children, ...props }: AlertProps) {
  return (
    <div
      className={clsx("flex gap-3 rounded-control border p-3.5 text-sm outline-none [&_svg]:size-5", tones[tone], className)}
      {...props}
    >
      <span className="mt-px shrink-0">{icon ?? <IconAlert />}</span>
      <div className="min-w-0">
        <p className="font-semibold">{title}</p>
        {children && <div className="mt-1 break-words">{children}</div>}
      </div>
    </div>
  );
}
