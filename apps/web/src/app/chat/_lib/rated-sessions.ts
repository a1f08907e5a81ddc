/** Sessions this browser has rated, so the rating form is not offered twice after a reload. */
const STORAGE_KEY = "parley.rated-sessions";
const KEEP = 50;

export function wasRated(sessionId: string): boolean {
  return readRated().includes(sessionId);
}

export function markRated(sessionId: string) {
  const rated = [sessionId, ...readRated().filter((id) => id !== sessionId)].slice(0, KEEP);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(rated));
  } catch {
    // Not remembered: the server refuses a second rating anyway.
  }
}

function readRated(): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]") as unknown;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}
