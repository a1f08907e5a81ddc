"use client";

import { SectionTabs, type SectionTab } from "~/components/section-tabs";

const TABS: SectionTab[] = [
  { href: "/admin", label: "People" },
  { href: "/admin/teams", label: "Teams & capacity" },
  { href: "/admin/canned-responses", label: "Canned responses" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/audit-log", label: "Audit log" },
];

/** The admin area's settings pages. */
export function AdminTabs() {
  return <SectionTabs label="Admin settings" tabs={TABS} />;
}
