import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { VolumeReports } from "../_components/volume-reports";

export const metadata: Metadata = { title: "Volume · Dashboard" };

export default async function VolumeReportsPage() {
  await enterArea("dashboard");
  return <VolumeReports />;
}
