import type { FormProblem } from "./form-state";

export const wrongCredentials: FormProblem = {
  title: "That email and password do not match an active account.",
  detail: "Check both for typos and try again.",
};

export function tooManyAttempts(retryAfterSeconds: number): FormProblem {
  return {
    title: `Too many attempts, try again in ${formatWait(retryAfterSeconds)}.`,
    detail: "Parley pauses sign-in after repeated failures to keep accounts safe.",
  };
}

export const serverUnavailable: FormProblem = {
  title: "Parley's server did not answer.",
  detail: "Nothing was changed. Try again in a moment.",
};

/** "1 second", "45 seconds"; whole minutes past a minute and a half: "5 minutes". */
function formatWait(seconds: number): string {
  if (seconds > 90) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minutes`;
  }
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}
