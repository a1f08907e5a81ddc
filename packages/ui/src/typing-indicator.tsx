import { clsx } from "clsx";

/** "Maya is typing…" with three bouncing dots; say who in `label`. */
export function TypingIndicator({ label, className }: { label: string; className?: string }) {
  return (
    <p className={clsx("flex items-center gap-2 text-xs text-fg-muted", className)}>
      <span className="inline-flex gap-0.5" aria-hidden="true">
        <span className="size-1.5 animate-bounce rounded-full bg-fg-muted/60 [animation-delay:-0.3s]" />
        <span className="size-1.5 animate-bounce rounded-full bg-fg-muted/60 [animation-delay:-0.15s]" />
        <span className="size-1.5 animate-bounce rounded-full bg-fg-muted/60" />
      </span>
      {label}
    </p>
  );
}
