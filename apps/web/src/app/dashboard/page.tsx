import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { OverviewReports } from "./_components/overview-reports";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  // The layout checks too; pages render alongside their layout, so each guards itself.
  await enterArea("dashboard");
  return <OverviewReports />;
}
