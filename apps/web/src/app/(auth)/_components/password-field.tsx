import { TextField } from "@parley/ui";

import { NEW_PASSWORD_MIN_LENGTH } from "../_lib/password-rules";

export interface PasswordFieldProps {
  /** Signing in asks for the password someone has; signing up for a new one, with its rule. */
  purpose: "current" | "new";
  error?: string;
}

/** The password box; `autoComplete` tells password managers whether to fill one in or make one up. */
export function PasswordField({ purpose, error }: PasswordFieldProps) {
  const isNew = purpose === "new";
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete={`${purpose}-password`}
      required
      minLength={isNew ? NEW_PASSWORD_MIN_LENGTH : undefined}
      hint={isNew ? `At least ${NEW_PASSWORD_MIN_LENGTH} characters.` : undefined}
      error={error}
    />
  );
}
