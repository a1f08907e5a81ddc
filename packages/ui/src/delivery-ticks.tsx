import { clsx } from "clsx";

import { IconCheck, IconCheckCheck } from "./chat-icons";
import { IconAlert, IconClock } from "./icons";

export type DeliveryState = "sending" | "failed" | "sent" | "delivered" | "read";

const appearance: Record<DeliveryState, { label: string; className: string }> = {
  sending: { label: "Sending", className: "text-fg-muted" },
  failed: { label: "Not sent", className: "text-danger-text" },
  sent: { label: "Sent", className: "text-fg-muted" },
  delivered: { label: "Delivered", className: "text-fg-muted" },
  read: { label: "Read", className: "text-brand-text" },
};

/**
 * Where the sender's message has got to: a clock while sending, one tick once the server
 * has it, two once it reached the other side, two in colour once read. The word is there
 * for screen readers and as a tooltip.
 */
export function DeliveryTicks({ state, className }: { state: DeliveryState; className?: string }) {
  const { label, className: tone } = appearance[state];
  const Icon = { sending: IconClock, failed: IconAlert, sent: IconCheck, delivered: IconCheckCheck, read: IconCheckCheck }[state];
  return (
    <span className={clsx("inline-flex items-center", tone, className)} title={label} data-delivery={state}>
      <Icon className="size-3.5" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
