import { IconChart, IconChat, IconInbox } from "@parley/ui";
import type { Route } from "next";
import type { ComponentType, SVGProps } from "react";

import { areaContaining, mayEnter } from "~/auth/areas";
import type { UserRole } from "~/auth/roles";

export interface NavItem {
  href: Route;
  label: string;
  /** One line on what the area is for, where the areas are introduced. */
  description: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

/** The product's main areas, in the order people use them during a working day. */
export const mainNavItems: NavItem[] = [
  {
    href: "/inbox",
    label: "Inbox",
    description: "A shared queue for your team: assign, transfer, reply with saved answers and leave private notes.",
    icon: IconInbox,
  },
  {
    href: "/chat",
    label: "Chat",
    description: "The customer's side: a chat window for your website that picks up where the visitor left off.",
    icon: IconChat,
  },
  {
    href: "/dashboard",
    label: "Dashboard",
    description: "Satisfaction scores, response times and agent workload, updated as conversations happen.",
    icon: IconChart,
  },
];

/**
 * The areas to offer a person: all of them to someone not signed in (signing in decides),
 * and to a signed-in person only those their role may enter.
 */
export function navItemsFor(role: UserRole | null): NavItem[] {
  if (!role) return mainNavItems;
  return mainNavItems.filter(({ href }) => {
    const area = areaContaining(href);
    return !area || mayEnter(area, role);
  });
}
