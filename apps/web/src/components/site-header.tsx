import { buttonClassName, IconBook, TopNav, TopNavActions, TopNavLinks, Wordmark } from "@parley/ui";
import Link from "next/link";

import { API_URL } from "~/env";
import { mainNavItems } from "./nav-items";
import { NavLink } from "./nav-link";

export function SiteHeader() {
  return (
    <TopNav>
      <Link href="/" aria-label="Parley home" className="shrink-0 rounded-control">
        <Wordmark />
      </Link>

      <TopNavLinks label="Main">
        {mainNavItems.map(({ href, label, icon: Icon }) => (
          <NavLink key={href} href={href}>
            {/* Words alone on a phone: three labels fit, icons and labels do not. */}
            <Icon className="hidden sm:block" />
            {label}
          </NavLink>
        ))}
      </TopNavLinks>

      <TopNavActions className="hidden md:flex">
        <a href={`${API_URL}/docs`} className={buttonClassName({ variant: "ghost", size: "sm" })}>
          <IconBook />
          API docs
        </a>
      </TopNavActions>
    </TopNav>
  );
}
