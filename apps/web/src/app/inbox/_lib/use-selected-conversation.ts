import { useCallback, useEffect, useState } from "react";

/**
 * The open conversation, mirrored in the address (`/inbox?c=<id>`) so that a reload, a
 * bookmark or a notification's click lands on it. The history is replaced, not pushed:
 * going through conversations does not fill the back button.
 */
export function useSelectedConversation(): [string | null, (id: string | null) => void] {
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    setSelectedId(new URL(window.location.href).searchParams.get("c"));
  }, []);

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set("c", id);
    else url.searchParams.delete("c");
    window.history.replaceState(window.history.state, "", url);
  }, []);

  return [selectedId, select];
}
