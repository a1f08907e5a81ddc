import { buttonClassName, Card, EmptyState, IconAlert, PageContainer } from "@parley/ui";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <PageContainer>
      <Card className="mx-auto max-w-2xl">
        <EmptyState
          icon={<IconAlert />}
          headingLevel="h1"
          title="We couldn't find that page"
          description="The address may be mistyped, or the page may have moved."
          actions={
            <Link href="/" className={buttonClassName()}>
              Go to the overview
            </Link>
          }
        />
      </Card>
    </PageContainer>
  );
}
