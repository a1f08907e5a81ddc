import { PageContainer } from "@parley/ui";
import type { ReactNode } from "react";

/** Signing in and signing up: one narrow column in the middle, on every screen size. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <PageContainer className="flex justify-center sm:py-16">
      <div className="w-full max-w-md">{children}</div>
    </PageContainer>
  );
}
