export type Availability = "online" | "away" | "offline";

/** What the agent last chose, so that opening the inbox again does not overrule "away". */
const STORAGE_KEY = "parley.availability";

export function preferredAvailability(): Availability {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "online" || stored === "away" || stored === "offline") return stored;
  } catch {
    // Storage refused: the default below.
  }
  return "online";
}

export function rememberAvailability(availability: Availability) {
  try {
    window.localStorage.setItem(STORAGE_KEY, availability);
  } catch {
    // Not remembered: next time starts online again.
  }
}
