/** The "/word" being typed at the caret, as the canned-response picker reads it. */
export interface SlashToken {
  /** What follows the slash: the search. */
  query: string;
  start: number;
  end: number;
}

/**
 * The slash command under the caret: a "/" at the start of the text or after a space,
 * followed by what has been typed up to the caret, with no space in between. A slash in
 * the middle of a word ("and/or", a URL) is not a command.
 */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return null;
  const start = caret - match[2]!.length - 1;
  return { query: match[2]!, start, end: caret };
}

/** `text` with the token replaced by `replacement`, and where the caret goes after it. */
export function replaceToken(text: string, token: SlashToken, replacement: string): { text: string; caret: number } {
  const next = text.slice(0, token.start) + replacement + text.slice(token.end);
  return { text: next, caret: token.start + replacement.length };
}
