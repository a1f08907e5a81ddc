import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { AdminSettingsPage } from "../_components/admin-settings-page";
import { CannedResponsesManager } from "../_components/canned-responses-manager";

export const metadata: Metadata = { title: "Canned responses · Admin" };

export default async function CannedResponsesPage() {
  await enterArea("admin");
  return (
    <AdminSettingsPage
      title="Canned responses"
      description="Saved replies agents insert by typing / and a shortcut: for the whole desk or for one team."
    >
      <CannedResponsesManager />
    </AdminSettingsPage>
  );
}
