"use client";

import { clsx } from "@parley/ui";
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS: { href: Route; label: string }[] = [
  { href: "/admin", label: "People" },
  { href: "/admin/teams", label: "Teams & capacity" },
  { href: "/admin/canned-responses", label: "Canned responses" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/audit-log", label: "Audit log" },
];

/** The admin area's settings pages. */
export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin settings" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 border-b border-border px-1">
        {TABS.map(({ href, label }) => {
          const active = pathname === href;
          return (
            <li key={href}>
              <Link
                href={href}
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
