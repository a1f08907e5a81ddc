/**
 * Whether a write failed on a unique index (`constraint`, when named): where two requests
 * may race to write the same thing, the database is the one judge. The driver's error may
 * be wrapped by the query builder, so the causes are followed; postgres.js names the index
 * `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint: name } = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (code === "23505") return !constraint || constraint === (constraint_name ?? name);
  }
  return false;
}
