/**
 * The host page's storage, reached through the widget script that embedded this page
 * (public/widget.js), for when the browser refuses this iframe storage of its own. Only
 * the embedding page hears these messages, and only the visitor made in that embedding
 * ever goes to it.
 */
export interface ParentFrameStorage {
  read(): Promise<string | null>;
  write(value: string | null): void;
}

/** The host page answers at once when it runs the widget script; otherwise we stop waiting. */
const ANSWER_WITHIN_MS = 1_500;

export function parentFrameStorage(): ParentFrameStorage | null {
  if (typeof window === "undefined" || window.parent === window) return null;
  const parent = window.parent;
  return {
    read() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish(null), ANSWER_WITHIN_MS);
        function finish(value: string | null) {
          clearTimeout(timer);
          window.removeEventListener("message", onMessage);
          resolve(value);
        }
        function onMessage(event: MessageEvent) {
          if (event.source !== parent) return;
          const data = event.data as { type?: string; value?: unknown } | null;
          if (data?.type === "parley:storage-value") finish(typeof data.value === "string" ? data.value : null);
        }
        window.addEventListener("message", onMessage);
        parent.postMessage({ type: "parley:storage-read" }, "*");
      });
    },
    write(value) {
      parent.postMessage({ type: "parley:storage-write", value }, "*");
    },
  };
}
