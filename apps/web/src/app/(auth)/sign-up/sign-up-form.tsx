"use client";

import { TextField } from "@parley/ui";
import { useActionState } from "react";

import { FormProblemAlert } from "../_components/form-problem-alert";
import { SubmitButton } from "../_components/submit-button";
import { useFocusOnError } from "../_components/use-focus-on-error";
import { NEW_PASSWORD_MIN_LENGTH } from "../_lib/password-rules";
import { initialFormState } from "../_lib/form-state";
import { signUpAsCustomer, type SignUpField } from "./actions";

export function SignUpForm({ callbackPath }: { callbackPath: string | null }) {
  const [state, formAction] = useActionState(signUpAsCustomer, initialFormState<SignUpField>());
  const { formRef, alertRef } = useFocusOnError(state);

  return (
    // noValidate: the form's own messages, tied to each field, rather than the browser's bubbles.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      <FormProblemAlert problem={state.problem} ref={alertRef} />
      {callbackPath && <input type="hidden" name="callbackUrl" value={callbackPath} />}
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values.name}
        error={state.fieldErrors.name}
      />
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
        autoComplete="new-password"
        required
        minLength={NEW_PASSWORD_MIN_LENGTH}
        hint={`At least ${NEW_PASSWORD_MIN_LENGTH} characters.`}
        error={state.fieldErrors.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
