import { PageContainer } from "@parley/ui";
import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { AdminTabs } from "./_components/admin-tabs";
import { SignedInAdminCard } from "./_components/signed-in-admin-card";
import { UsersDirectory } from "./_components/users-directory";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // The layout checks too; pages render alongside their layout, so each guards itself.
  const { user } = await enterArea("admin");
  const name = user.name || user.email || "Admin";
  const firstName = name.split(/\s+/)[0];

  return (
    <PageContainer className="flex flex-col gap-8">
      <header className="flex flex-col gap-6 md:flex-row md:items-end md:justify-between">
        <div>
          <p className="text-sm font-medium text-brand-text">Admin</p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance text-fg">Welcome back, {firstName}</h1>
          <p className="mt-2 max-w-xl text-fg-muted">
            Who works in Parley, who can reach your team, and who has been active lately.
          </p>
        </div>
        <SignedInAdminCard name={name} email={user.email ?? null} role={user.role} />
      </header>

      <AdminTabs />
      <UsersDirectory />
    </PageContainer>
  );
}
