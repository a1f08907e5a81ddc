import { useSyncExternalStore } from "react";

import { parentFrameStorage } from "./parent-frame-storage";

/**
 * The anonymous visitor's token, kept so that a returning visitor (a new tab, tomorrow)
 * resumes their conversation. The token is the visitor's only credential: whoever holds
 * it speaks as them, so it is never put in a URL.
 *
 * It lives in this page's localStorage. The widget runs in an iframe on other sites,
 * where browsers that block third-party storage refuse localStorage: there the widget's
 * script on the host page keeps it instead, in the host site's storage (see
 * public/widget.js), and it is passed back and forth with postMessage.
 */
export const VISITOR_STORAGE_KEY = "parley.visitor";

export interface StoredVisitor {
  visitorId: string;
  token: string;
}

const listeners = new Set<() => void>();
/** `undefined` until known (the host page has not answered yet). */
let current: StoredVisitor | null | undefined;
let started = false;

function notify() {
  for (const listener of listeners) listener();
}

function ownStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(VISITOR_STORAGE_KEY);
    return storage;
  } catch {
    return null;
  }
}

function start() {
  if (started) return;
  started = true;
  const storage = ownStorage();
  if (storage) {
    current = parseVisitor(storage.getItem(VISITOR_STORAGE_KEY));
    window.addEventListener("storage", (event) => {
      if (event.key !== VISITOR_STORAGE_KEY) return;
      current = parseVisitor(event.newValue);
      notify();
    });
    return;
  }
  const parent = parentFrameStorage();
  if (!parent) {
    // Nowhere to keep it: a visitor for as long as this page is open.
    current = null;
    return;
  }
  void parent.read().then((raw) => {
    current = parseVisitor(raw);
    notify();
  });
}

export function parseVisitor(raw: string | null): StoredVisitor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredVisitor>;
    return typeof value.token === "string" && typeof value.visitorId === "string" ? { token: value.token, visitorId: value.visitorId } : null;
  } catch {
    return null;
  }
}

export function saveVisitor(visitor: StoredVisitor | null) {
  start();
  current = visitor;
  const raw = visitor ? JSON.stringify(visitor) : null;
  const storage = ownStorage();
  if (storage) {
    if (raw) storage.setItem(VISITOR_STORAGE_KEY, raw);
    else storage.removeItem(VISITOR_STORAGE_KEY);
  } else {
    parentFrameStorage()?.write(raw);
  }
  notify();
}

function subscribe(listener: () => void) {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot() {
  start();
  return current;
}

/** The stored visitor, `null` when there is none, `undefined` while not known yet (and on the server). */
export function useStoredVisitor(): StoredVisitor | null | undefined {
  return useSyncExternalStore(subscribe, snapshot, () => undefined);
}
