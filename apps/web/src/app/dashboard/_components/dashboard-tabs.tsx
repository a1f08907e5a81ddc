"use client";

import { useSearchParams } from "next/navigation";

import { SectionTabs, type SectionTab } from "~/components/section-tabs";

const TABS: SectionTab[] = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/volume", label: "Volume" },
  { href: "/dashboard/csat", label: "CSAT" },
  { href: "/dashboard/agents", label: "Agents" },
];

/** The dashboard's pages; moving between them keeps the period and filters. */
export function DashboardTabs() {
  const query = useSearchParams().toString();
  return <SectionTabs label="Dashboard pages" tabs={TABS} query={query} />;
}
