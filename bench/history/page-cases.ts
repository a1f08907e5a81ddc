import type { HistoryPage, HistoryQuery } from "../../packages/api/src/services/messages/history";
import type { LoadedConversation } from "./load-conversation";

export type ViewerName = "customer" | "agent";

/** One kind of page read, by one viewer, with what a correct answer looks like. */
export interface PageCase {
  label: string;
  viewer: ViewerName;
  query: HistoryQuery;
  /** Throws when the page is not the one asked for. */
  check(page: HistoryPage): void;
}

/**
 * The pages a chat window reads: the newest (opening it), older ones from the middle
 * (scrolling up, `beforeSeq`), newer ones from the middle (catching up, `afterSeq`). The
 * customer's skip the agents' private notes; the agent's see every message.
 */
export function pageCases(loaded: LoadedConversation, pageSize: number): PageCase[] {
  const middle = Math.floor(loaded.messageCount / 2);
  const last = loaded.messageCount;
  const cases: PageCase[] = [];
  for (const viewer of ["customer", "agent"] as const) {
    const seesAll = viewer === "agent";
    const base = { conversationId: loaded.conversationId, limit: pageSize };
    cases.push(
      {
        label: "newest page",
        viewer,
        query: base,
        check: (page) => checkPage(page, { pageSize, seesAll, below: last + 1, moreBefore: true, moreAfter: false, endsAt: seesAll ? last : undefined }),
      },
      {
        label: `older, beforeSeq ${middle}`,
        viewer,
        query: { ...base, beforeSeq: middle },
        check: (page) => checkPage(page, { pageSize, seesAll, below: middle, moreBefore: true, moreAfter: true, endsAt: seesAll ? middle - 1 : undefined }),
      },
      {
        label: `newer, afterSeq ${middle}`,
        viewer,
        query: { ...base, afterSeq: middle },
        check: (page) =>
          checkPage(page, { pageSize, seesAll, above: middle, moreBefore: true, moreAfter: true, startsAt: seesAll ? middle + 1 : undefined }),
      },
    );
  }
  return cases;
}

function checkPage(
  page: HistoryPage,
  expected: {
    pageSize: number;
    seesAll: boolean;
    below?: number;
    above?: number;
    startsAt?: number;
    endsAt?: number;
    moreBefore: boolean;
    moreAfter: boolean;
  },
): void {
  const seqs = page.items.map((item) => item.seq);
  const problems: string[] = [];
  if (seqs.length !== expected.pageSize) problems.push(`${seqs.length} items, not ${expected.pageSize}`);
  if (seqs.some((seq, index) => index > 0 && seq <= seqs[index - 1]!)) problems.push("not in ascending seq order");
  if (expected.below !== undefined && seqs.some((seq) => seq >= expected.below!)) problems.push(`a seq at or above ${expected.below}`);
  if (expected.above !== undefined && seqs.some((seq) => seq <= expected.above!)) problems.push(`a seq at or below ${expected.above}`);
  // The agent sees every message, so their pages are runs without a gap.
  if (expected.seesAll && seqs.length && seqs[seqs.length - 1]! - seqs[0]! !== seqs.length - 1) problems.push("a gap in the seqs");
  if (expected.startsAt !== undefined && seqs[0] !== expected.startsAt) problems.push(`starts at ${seqs[0]}, not ${expected.startsAt}`);
  if (expected.endsAt !== undefined && seqs[seqs.length - 1] !== expected.endsAt) problems.push(`ends at ${seqs[seqs.length - 1]}, not ${expected.endsAt}`);
  if (!expected.seesAll && page.items.some((item) => item.internal)) problems.push("a private note on the customer's page");
  if (page.hasMoreBefore !== expected.moreBefore) problems.push(`hasMoreBefore ${page.hasMoreBefore}`);
  if (page.hasMoreAfter !== expected.moreAfter) problems.push(`hasMoreAfter ${page.hasMoreAfter}`);
  if (problems.length) throw new Error(`wrong page: ${problems.join("; ")} (seqs ${seqs[0]}..${seqs[seqs.length - 1]})`);
}
