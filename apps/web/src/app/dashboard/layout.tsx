import { PageContainer, Skeleton } from "@parley/ui";
import { Suspense, type ReactNode } from "react";

import { enterArea } from "~/auth/guards";
import { DashboardTabs } from "./_components/dashboard-tabs";
import { FilterBar } from "./_components/filter-bar";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await enterArea("dashboard");
  return (
    <PageContainer className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-brand-text">Dashboard</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance text-fg">How support is going</h1>
        <p className="mt-2 max-w-2xl text-fg-muted">
          Conversations, response times, satisfaction and each agent&apos;s work, counted in your time zone.
        </p>
      </header>
      {/* The filters and tabs read the URL's query string, which the browser knows first. */}
      <Suspense fallback={<Skeleton className="h-28 w-full" />}>
        <DashboardTabs />
        <FilterBar />
      </Suspense>
      {children}
    </PageContainer>
  );
}
