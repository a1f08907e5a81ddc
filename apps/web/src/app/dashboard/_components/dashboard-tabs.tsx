"use client";

import { clsx } from "@parley/ui";
import type { Route } from "next";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS: { href: Route; label: string }[] = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/volume", label: "Volume" },
  { href: "/dashboard/csat", label: "CSAT" },
  { href: "/dashboard/agents", label: "Agents" },
];

/** The dashboard's pages; moving between them keeps the period and filters. */
export function DashboardTabs() {
  const pathname = usePathname();
  const query = useSearchParams().toString();

  return (
    <nav aria-label="Dashboard pages" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 border-b border-border px-1">
        {TABS.map(({ href, label }) => {
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
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
