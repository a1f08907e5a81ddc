"use client";

import { clsx } from "@parley/ui";
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface SectionTab {
  href: Route;
  label: string;
}

export interface SectionTabsProps {
  /** What screen readers call the bar: "Admin settings". */
  label: string;
  tabs: readonly SectionTab[];
  /** A query string every tab's link carries, so that moving between the pages keeps it. */
  query?: string;
}

/** The underlined tab bar across the top of an area's pages, marking the page being shown. */
export function SectionTabs({ label, tabs, query }: SectionTabsProps) {
  const pathname = usePathname();

  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 border-b border-border px-1">
        {tabs.map(({ href, label: tabLabel }) => {
          const active = pathname === href;
          return (
            <li key={href}>
              <Link
                href={(query ? `${href}?${query}` : href) as Route}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-brand text-fg" : "border-transparent text-fg-muted hover:text-fg",
                )}
              >
                {tabLabel}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
