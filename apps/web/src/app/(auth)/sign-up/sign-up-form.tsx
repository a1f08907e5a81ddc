"use client";

import { TextField } from "@parley/ui";
import { useActionState } from "react";

import { AuthForm } from "../_components/auth-form";
import { EmailField } from "../_components/email-field";
import { PasswordField } from "../_components/password-field";
import { SubmitButton } from "../_components/submit-button";
import { initialFormState } from "../_lib/form-state";
import { signUpAsCustomer, type SignUpField } from "./actions";

export function SignUpForm({ callbackPath }: { callbackPath: string | null }) {
  const [state, formAction] = useActionState(signUpAsCustomer, initialFormState<SignUpField>());

  return (
    <AuthForm state={state} action={formAction} problem={state.problem} callbackPath={callbackPath}>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values.name}
        error={state.fieldErrors.name}
      />
      <EmailField defaultValue={state.values.email} error={state.fieldErrors.email} />
      <PasswordField purpose="new" error={state.fieldErrors.password} />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </AuthForm>
  );
}
