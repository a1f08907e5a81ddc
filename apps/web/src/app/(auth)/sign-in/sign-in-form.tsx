"use client";

import { TextField } from "@parley/ui";
import { useActionState } from "react";

import { FormProblemAlert } from "../_components/form-problem-alert";
import { SubmitButton } from "../_components/submit-button";
import { useFocusOnError } from "../_components/use-focus-on-error";
import { initialFormState, type FormProblem } from "../_lib/form-state";
import { signInWithPassword, type SignInField } from "./actions";

export interface SignInFormProps {
  /** Where to go once signed in; without it, the person's home for their role. */
  callbackPath: string | null;
  /** A problem to show before anything is submitted, such as a failed sign-in reported in the URL. */
  notice: FormProblem | null;
}

export function SignInForm({ callbackPath, notice }: SignInFormProps) {
  const [state, formAction] = useActionState(signInWithPassword, initialFormState<SignInField>());
  const { formRef, alertRef } = useFocusOnError(state);
  const problem = state.attempt > 0 ? state.problem : notice;

  return (
    // noValidate: the form's own messages, tied to each field, rather than the browser's bubbles.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5" data-attempt={state.attempt}>
      <FormProblemAlert problem={problem} ref={alertRef} />
      {callbackPath && <input type="hidden" name="callbackUrl" value={callbackPath} />}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors.password}
      />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
