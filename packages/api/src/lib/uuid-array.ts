/**
 * Ids as one PostgreSQL array value (`{a,b,c}`, cast with `::uuid[]` in the statement),
 * so that a statement takes any number of them as a single parameter: one prepared
 * statement for every count, where an `in ($1, $2, …)` list makes a new one per count.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}
