import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { AdminSettingsPage } from "../_components/admin-settings-page";
import { AuditLogViewer } from "../_components/audit-log-viewer";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AuditLogPage() {
  await enterArea("admin");
  return (
    <AdminSettingsPage
      title="Audit log"
      description="Who changed what, and when: sign-ins, roles, keys, settings and the desk's actions."
    >
      <AuditLogViewer />
    </AdminSettingsPage>
  );
}
