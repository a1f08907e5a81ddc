import { buttonClassName, Card, EmptyState, IconArrowRight, PageContainer } from "@parley/ui";
import Link from "next/link";
import type { ReactNode } from "react";

export interface ComingSoonProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** What the finished screen will let people do. */
  highlights: string[];
}

/** Holds the place of a screen that is being built, and says what it will do. */
export function ComingSoon({ icon, title, description, highlights }: ComingSoonProps) {
  return (
    <PageContainer>
      <Card className="mx-auto max-w-2xl">
        <EmptyState
          icon={icon}
          headingLevel="h1"
          title={title}
          description={
            <>
              <p>{description}</p>
              <ul className="mt-5 space-y-2 text-left text-wrap">
                {highlights.map((highlight) => (
                  <li key={highlight} className="flex gap-2.5">
                    <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-brand" />
                    {highlight}
                  </li>
                ))}
              </ul>
            </>
          }
          actions={
            <Link href="/" className={buttonClassName({ variant: "secondary" })}>
              Back to overview
              <IconArrowRight />
            </Link>
          }
        />
      </Card>
    </PageContainer>
  );
}
