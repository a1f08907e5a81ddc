import { IconChart } from "@parley/ui";
import type { Metadata } from "next";

import { ComingSoon } from "~/components/coming-soon";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <ComingSoon
      icon={<IconChart />}
      title="The dashboard is on its way"
      description="How your support is doing today, and how each agent is getting on."
      highlights={[
        "Customer satisfaction (CSAT) over time",
        "First response and resolution times",
        "Live queue length and agent workload",
      ]}
    />
  );
}
