import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { AgentReports } from "../_components/agent-reports";

export const metadata: Metadata = { title: "Agents · Dashboard" };

export default async function AgentReportsPage() {
  await enterArea("dashboard");
  return <AgentReports />;
}
