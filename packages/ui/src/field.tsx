import { clsx } from "clsx";
import { useId, type ComponentProps, type ReactNode } from "react";

import { IconAlert } from "./icons";

/** The look of text inputs and selects; `invalid` marks one whose value needs fixing. */
export function inputClassName({ invalid = false, className }: { invalid?: boolean; className?: string } = {}) {
  return clsx(
    "block h-10 w-full min-w-0 rounded-control border bg-surface px-3 text-sm text-fg shadow-sm transition-colors",
    "placeholder:text-fg-muted/70 disabled:cursor-not-allowed disabled:opacity-60",
    "focus-visible:outline-2 focus-visible:outline-offset-0",
    invalid
      ? "border-danger focus-visible:outline-danger"
      : "border-border-strong hover:border-fg-muted/50 focus-visible:border-brand focus-visible:outline-brand",
    className,
  );
}

export interface TextFieldProps extends ComponentProps<"input"> {
  label: ReactNode;
  /** A line under the input on what is expected, read out with the input. */
  hint?: ReactNode;
  /** What is wrong with the value, shown and read out with the input; empty when nothing is. */
  error?: string | null;
}

/**
 * A labelled input with its hint and its error. The error is tied to the input with
 * aria-describedby and aria-invalid, so screen readers announce it when the input is focused.
 */
export function TextField({ label, hint, error, id, className, ...input }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={clsx("flex flex-col gap-1.5", className)}>
      <label htmlFor={inputId} className="text-sm font-medium text-fg">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClassName({ invalid: !!error })}
        {...input}
      />
      {hint && !error && (
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="flex items-start gap-1.5 text-sm text-danger-text">
          <IconAlert className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
    </div>
  );
}
