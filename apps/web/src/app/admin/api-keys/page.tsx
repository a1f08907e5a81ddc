import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { AdminSettingsPage } from "../_components/admin-settings-page";
import { ApiKeysManager } from "../_components/api-keys-manager";

export const metadata: Metadata = { title: "API keys · Admin" };

export default async function ApiKeysPage() {
  await enterArea("admin");
  return (
    <AdminSettingsPage
      title="API keys"
      description="Keys let your own systems call Parley's REST API. Each key can do only what its scopes allow."
    >
      <ApiKeysManager />
    </AdminSettingsPage>
  );
}
