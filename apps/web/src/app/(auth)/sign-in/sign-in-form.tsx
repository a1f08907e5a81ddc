"use client";

import { useActionState } from "react";

import { AuthForm } from "../_components/auth-form";
import { EmailField } from "../_components/email-field";
import { PasswordField } from "../_components/password-field";
import { SubmitButton } from "../_components/submit-button";
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
  const problem = state.attempt > 0 ? state.problem : notice;

  return (
    <AuthForm state={state} action={formAction} problem={problem} callbackPath={callbackPath} data-attempt={state.attempt}>
      <EmailField defaultValue={state.values.email} error={state.fieldErrors.email} />
      <PasswordField purpose="current" error={state.fieldErrors.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </AuthForm>
  );
}
