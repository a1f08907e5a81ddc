"use client";

import { topNavLinkClassName } from "@parley/ui";
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A top-bar link that knows when it leads to the page being shown (or one beneath it). */
export function NavLink({ href, children }: { href: Route; children: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);

  return (
    <li>
      <Link href={href} aria-current={active ? "page" : undefined} className={topNavLinkClassName({ active })}>
        {children}
      </Link>
    </li>
  );
}
