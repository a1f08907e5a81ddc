import { skipToken, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import type { SlashCommands } from "~/components/chat/composer";
import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC, useTRPCClient } from "~/trpc/react";

const SEARCH_PAUSE_MS = 120;

/**
 * Canned responses behind "/" in the composer: searched as the agent types (shortcuts
 * first), and put in with their placeholders ({{customer.name}}…) filled for this session.
 */
export function useCannedSlash(conversationId: string, teamId: string | null): SlashCommands {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [query, setQuery] = useState<string | null>(null);
  const settled = useDebouncedValue(query, SEARCH_PAUSE_MS);
  const search = settled === null ? null : settled || "";

  const results = useQuery(
    trpc.cannedResponses.list.queryOptions(search === "" ? { teamId: teamId ?? undefined, limit: 20 } : skipToken),
  );
  const matches = useQuery(
    trpc.cannedResponses.search.queryOptions(search ? { query: search, teamId: teamId ?? undefined, limit: 10 } : skipToken),
  );

  const items = useMemo(() => {
    const rows = search ? (matches.data ?? []) : (results.data?.items ?? []);
    return rows.map((row) => ({ id: row.id, label: `/${row.shortcut}`, detail: `${row.title}: ${row.body}` }));
  }, [matches.data, results.data, search]);

  return {
    items,
    loading: query !== settled || (search ? matches.isFetching : results.isFetching),
    onQuery: setQuery,
    resolve: async (item) => (await client.cannedResponses.render.query({ id: item.id, conversationId })).text,
  };
}
