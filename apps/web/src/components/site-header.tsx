import { buttonClassName, IconBook, LogoMark, TopNav, TopNavActions, TopNavLinks, Wordmark } from "@parley/ui";
import Link from "next/link";

import { getSession } from "~/auth";
import { API_URL } from "~/env";
import { navItemsFor } from "./nav-items";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const session = await getSession();
  const user = session?.user;

  return (
    <TopNav>
      <Link href="/" aria-label="Parley home" className="shrink-0 rounded-control">
        {/* The mark alone on a phone, where the main areas need the room. */}
        <LogoMark className="size-7 sm:hidden" />
        <Wordmark className="max-sm:hidden" />
      </Link>

      <TopNavLinks label="Main">
        {navItemsFor(user?.role ?? null).map(({ href, label, icon: Icon }) => (
          <NavLink key={href} href={href}>
            {/* Words alone on a phone: three labels fit, icons and labels do not. */}
            <Icon className="hidden sm:block" />
            {label}
          </NavLink>
        ))}
      </TopNavLinks>

      <TopNavActions>
        <a href={`${API_URL}/docs`} className={buttonClassName({ variant: "ghost", size: "sm", className: "max-md:hidden" })}>
          <IconBook />
          API docs
        </a>
        {user ? (
          <UserMenu person={{ name: user.name || user.email || "Signed in", email: user.email ?? null, role: user.role }} />
        ) : (
          <Link href="/sign-in" className={buttonClassName({ variant: "secondary", size: "sm" })}>
            Sign in
          </Link>
        )}
      </TopNavActions>
    </TopNav>
  );
}
