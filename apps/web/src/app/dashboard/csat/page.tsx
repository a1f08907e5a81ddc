import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { CsatReports } from "../_components/csat-reports";

export const metadata: Metadata = { title: "CSAT · Dashboard" };

export default async function CsatReportsPage() {
  await enterArea("dashboard");
  return <CsatReports />;
}
