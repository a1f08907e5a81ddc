import { useEffect, useRef } from "react";

export const DESK_SHORTCUTS = [
  { keys: "Alt + ↓", description: "Next conversation in the list" },
  { keys: "Alt + ↑", description: "Previous conversation in the list" },
  { keys: "Alt + N", description: "Take the next waiting customer" },
  { keys: "Alt + C", description: "Close the open conversation" },
  { keys: "?", description: "Show these shortcuts" },
  { keys: "Enter / Shift + Enter", description: "Send / new line, in the message box" },
  { keys: "/", description: "Canned responses, in the message box" },
] as const;

export interface DeskShortcutHandlers {
  next(): void;
  previous(): void;
  takeNext(): void;
  close(): void;
  help(): void;
}

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The inbox's shortcuts. The Alt combinations work everywhere, the message box included,
 * so an agent can move on without reaching for the mouse; "?" only outside text fields.
 * Keys are read by position (`code`), so they work on every keyboard layout and with the
 * Option key on a Mac, which changes the character typed.
 */
export function useDeskShortcuts(handlers: DeskShortcutHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      const actions = latest.current;
      if (event.altKey && !event.shiftKey) {
        const action = { ArrowDown: actions.next, ArrowUp: actions.previous, KeyN: actions.takeNext, KeyC: actions.close }[event.code];
        if (!action) return;
        event.preventDefault();
        action();
        return;
      }
      if (event.key === "?" && !event.altKey && !typingInField(event.target)) {
        event.preventDefault();
        actions.help();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
