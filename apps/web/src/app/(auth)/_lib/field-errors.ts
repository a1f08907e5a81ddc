import { z } from "zod";

/** The first message for each field, from a failed zod parse of the form. */
export function firstFieldErrors<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  return firstOfEach(z.flattenError(error).fieldErrors as Partial<Record<Field, string[]>>);
}

/** The first message for each field, from lists of messages per field. */
export function firstOfEach<Field extends string>(
  errors: Partial<Record<Field, string[] | undefined>>,
): Partial<Record<Field, string>> {
  const first: Partial<Record<Field, string>> = {};
  for (const [field, messages] of Object.entries(errors) as Array<[Field, string[] | undefined]>) {
    if (messages?.[0]) first[field] = messages[0];
  }
  return first;
}
