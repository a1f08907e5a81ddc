import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { AdminSettingsPage } from "../_components/admin-settings-page";
import { TeamsAndCapacity } from "../_components/teams-and-capacity";

export const metadata: Metadata = { title: "Teams & capacity · Admin" };

export default async function TeamsPage() {
  await enterArea("admin");
  return (
    <AdminSettingsPage
      title="Teams & capacity"
      description="Which team each agent serves, and how many chats they can hold at once before new ones wait."
    >
      <TeamsAndCapacity />
    </AdminSettingsPage>
  );
}
