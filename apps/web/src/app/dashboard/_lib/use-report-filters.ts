"use client";

import type { Route } from "next";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useSyncExternalStore } from "react";

import { todayIn, type IsoDay } from "./date-range";
import { readFilters, writeFilters, type ReportFilters } from "./report-filters";

const noChange = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The admin's own time zone, in which days and hours are counted. Null while the page is
 * rendered on the server, which cannot know it: reports wait for the browser rather than
 * showing the server's days and then jumping.
 */
export function useTimeZone(): string | null {
  return useSyncExternalStore(noChange, browserTimeZone, () => null);
}

export interface ReportFiltersState {
  filters: ReportFilters;
  today: IsoDay;
  /** Changes some filters; the URL is the only place they live, so links keep them and Back undoes them. */
  update: (change: Partial<Omit<ReportFilters, "timeZone">>) => void;
  /** The query string of the current filters, for links between the dashboard's pages. */
  query: string;
}

/** The dashboard's filters, read from and written to the URL. Null until the browser's time zone is known. */
export function useReportFilters(): ReportFiltersState | null {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const timeZone = useTimeZone();

  const state = useMemo(() => {
    if (!timeZone) return null;
    const today = todayIn(timeZone);
    const filters = readFilters(new URLSearchParams(params.toString()), timeZone, today);
    return { filters, today, query: writeFilters(filters).toString() };
  }, [params, timeZone]);

  const update = useCallback(
    (change: Partial<Omit<ReportFilters, "timeZone">>) => {
      if (!state) return;
      const next = writeFilters({ ...state.filters, ...change });
      // A history entry per change, so that Back undoes it, as in any dashboard.
      router.push(`${pathname}?${next.toString()}` as Route, { scroll: false });
    },
    [state, pathname, router],
  );

  return state ? { ...state, update } : null;
}
