"use client";

import type { ComponentProps, ReactNode } from "react";

import type { FormProblem, FormState } from "../_lib/form-state";
import { FormProblemAlert } from "./form-problem-alert";
import { useFocusOnError } from "./use-focus-on-error";

export interface AuthFormProps<Field extends string> extends Omit<ComponentProps<"form">, "action" | "ref"> {
  /** The action's last answer, whose refusals move focus to what needs fixing. */
  state: FormState<Field>;
  action(formData: FormData): void;
  /** Shown above the fields when the answer is not about one of them. */
  problem: FormProblem | null;
  /** Where to go once through, sent along with the fields. */
  callbackPath: string | null;
  children: ReactNode;
}

/** The frame of the sign-in and sign-up forms: their alert, the way back, then the fields. */
export function AuthForm<Field extends string>(props: AuthFormProps<Field>) {
  const { state, action, problem, callbackPath, children, ...formProps } = props;
  const { formRef, alertRef } = useFocusOnError(state);

  return (
    // noValidate: the form's own messages, tied to each field, rather than the browser's bubbles.
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-5" {...formProps}>
      <FormProblemAlert problem={problem} ref={alertRef} />
      {callbackPath && <input type="hidden" name="callbackUrl" value={callbackPath} />}
      {children}
    </form>
  );
}
