"use client";

import { Button, Spinner } from "@parley/ui";
import { useFormStatus } from "react-dom";

export interface SubmitButtonProps {
  children: string;
  /** Shown while the form is being sent: "Signing in…". */
  pendingLabel: string;
}

/** The form's submit button, busy and disabled while the form is on its way. */
export function SubmitButton({ children, pendingLabel }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" size="lg" className="w-full" disabled={pending} aria-disabled={pending}>
      {pending && <Spinner />}
      {pending ? pendingLabel : children}
    </Button>
  );
}
