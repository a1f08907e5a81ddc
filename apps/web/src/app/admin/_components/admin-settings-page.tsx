import { PageContainer } from "@parley/ui";
import type { ReactNode } from "react";

import { AdminTabs } from "./admin-tabs";

/** The frame of an admin settings page: its title, the settings tabs, then the page. */
export function AdminSettingsPage({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <PageContainer className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-brand-text">Admin</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance text-fg">{title}</h1>
        <p className="mt-2 max-w-2xl text-fg-muted">{description}</p>
      </header>
      <AdminTabs />
      {children}
    </PageContainer>
  );
}
