"use client";

import { Avatar, IconArrowRight, IconChevronDown, IconHash, IconSignOut } from "@parley/ui";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FocusEvent } from "react";

import { roleHomes, roleLabels, type UserRole } from "~/auth/roles";
import { signOutAction } from "~/auth/sign-out-action";
import { useSigningOut } from "~/trpc/react";
import { RoleBadge } from "./role-badge";

export interface SignedInPerson {
  name: string;
  email: string | null;
  role: UserRole;
}

const menuItemClassName =
  "flex w-full items-center gap-2.5 rounded-control px-3 py-2 text-left text-sm font-medium text-fg transition-colors hover:bg-surface-muted [&_svg]:size-4 [&_svg]:text-fg-muted";

/**
 * Who is signed in, as a button in the top bar that opens their account panel: name,
 * email and role, the way to their area, and signing out. A disclosure rather than an
 * ARIA menu: a link and a button need no menu keyboard model. It closes on Escape, on a
 * click elsewhere and when focus leaves it.
 */
export function UserMenu({ person }: { person: SignedInPerson }) {
  const [open, setOpen] = useState(false);
  const signingOut = useSigningOut();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const home = roleHomes[person.role];

  useEffect(() => {
    if (!open) return;
    function closeOnOutsidePointer(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsidePointer);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  function closeWhenFocusLeaves(event: FocusEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  }

  return (
    <div ref={containerRef} className="relative" onBlur={closeWhenFocusLeaves}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account: ${person.name}, ${roleLabels[person.role]}`}
        onClick={() => setOpen((isOpen) => !isOpen)}
        className="flex items-center gap-2 rounded-full p-0.5 text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg sm:rounded-control sm:py-1 sm:pr-2 sm:pl-1"
      >
        <Avatar name={person.name} size="sm" />
        <span className="hidden max-w-40 flex-col items-start leading-tight lg:flex">
          <span className="w-full truncate text-sm font-medium text-fg">{person.name}</span>
          <span className="text-xs">{roleLabels[person.role]}</span>
        </span>
        <IconChevronDown className="hidden size-4 sm:block" />
      </button>

      <div
        id={panelId}
        hidden={!open}
        data-testid="account-panel"
        className="absolute top-full right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-card border border-border bg-surface text-fg shadow-raised"
      >
        <div className="flex items-center gap-3 p-4">
          <Avatar name={person.name} />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-semibold" data-testid="signed-in-name">
              {person.name}
            </p>
            {person.email && <p className="truncate text-sm text-fg-muted">{person.email}</p>}
          </div>
          <RoleBadge role={person.role} />
        </div>
        <div className="border-t border-border p-1.5">
          <Link href={home.href} className={menuItemClassName} onClick={() => setOpen(false)}>
            <IconArrowRight />
            Go to {home.label}
          </Link>
          <Link href="/rooms" className={menuItemClassName} onClick={() => setOpen(false)}>
            <IconHash />
            Rooms
          </Link>
        </div>
        <form action={signOutAction} onSubmit={signingOut} className="border-t border-border p-1.5">
          <button type="submit" className={menuItemClassName}>
            <IconSignOut />
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
