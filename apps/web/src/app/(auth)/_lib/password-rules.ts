/** As apps/server requires of a new password: long enough to resist guessing. */
export const NEW_PASSWORD_MIN_LENGTH = 10;
/** As apps/server allows: the bound keeps password hashing cheap. */
export const NEW_PASSWORD_MAX_LENGTH = 200;
