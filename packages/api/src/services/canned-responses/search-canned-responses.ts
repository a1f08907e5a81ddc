import { and, asc, cannedResponses, ilike, or, sql, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { scopeSpecificity, selectVisibleCannedResponses, shortcutOrder, withPermissions } from "./read-canned-responses";
import type { CannedResponseView, SearchCannedResponsesQuery } from "./schemas";
import { servingTeam } from "./team-filter";
import { requireStaff } from "./visibility";

/** More words than this add nothing to a quick search but cost a scan each. */
const MAX_WORDS = 8;

/**
 * The composer's picker. Shortcuts come first, so typing "/ref" offers "/refund" at once;
 * then responses whose title, then whose body, holds every word typed. A lone "/" lists
 * the shortcuts from the top.
 *
 * Matching is substring ILIKE rather than full-text search: people type fragments
 * ("refu", "fund"), which a tsvector does not find, and the rows searched are only those
 * the viewer may use (the desk's, their teams', their own), hundreds at most, so scanning
 * them within the limit is cheap. A trigram index would be the tool for far larger sets,
 * but the embedded database has no pg_trgm.
 */
export async function searchCannedResponses(
  db: Database,
  viewer: PersonViewer,
  query: SearchCannedResponsesQuery,
): Promise<CannedResponseView[]> {
  requireStaff(viewer);
  const typed = query.query.trim();
  const shortcut = typed.replace(/^\//, "").toLowerCase();
  const words = typed.replace(/^\//, "").split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).map(containing);

  const shortcutMatch = sql`${cannedResponses.shortcut} like ${`${escapeLike(shortcut)}%`}`;
  const everyWordIn = (...fields: Array<Parameters<typeof ilike>[0]>) =>
    words.length ? and(...words.map((pattern) => or(...fields.map((field) => ilike(field, pattern))))) : sql`false`;
  // A shortcut that merely contains the words reads like a title match ("/late-refund" for "refund").
  const titleMatch = everyWordIn(cannedResponses.title, cannedResponses.shortcut);
  const textMatch = everyWordIn(cannedResponses.title, cannedResponses.shortcut, cannedResponses.body);

  const rank = sql<number>`case
    when ${cannedResponses.shortcut} = ${shortcut} then 0
    when ${shortcutMatch} then 1
    when ${titleMatch} then 2
    else 3 end`;

  const rows = await selectVisibleCannedResponses(
    db,
    viewer,
    and(or(shortcutMatch, textMatch), query.teamId ? servingTeam(query.teamId) : undefined),
  )
    // The shortest completion first: "/ref" offers "/refund" before "/refund-partial".
    .orderBy(rank, sql`char_length(${cannedResponses.shortcut})`, shortcutOrder, scopeSpecificity, asc(cannedResponses.id))
    .limit(query.limit);
  return rows.map((row) => withPermissions(viewer, row));
}

function containing(word: string): string {
  return `%${escapeLike(word)}%`;
}

/** Typed text is matched literally: % and _ are not wildcards here. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
