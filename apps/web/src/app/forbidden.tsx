import { buttonClassName, Card, EmptyState, IconLock, PageContainer } from "@parley/ui";
import type { Metadata } from "next";
import Link from "next/link";

import { getSession } from "~/auth";
import { roleHomes, roleLabels } from "~/auth/roles";
import { signOutAction } from "~/auth/sign-out-action";

export const metadata: Metadata = { title: "No access" };

/** Shown with a 403 when a signed-in person opens an area their role does not open. */
export default async function Forbidden() {
  const user = (await getSession())?.user;
  const home = user ? roleHomes[user.role] : null;

  return (
    <PageContainer>
      <Card className="mx-auto max-w-2xl">
        <EmptyState
          icon={<IconLock />}
          headingLevel="h1"
          title="You do not have access to this area"
          description={
            user ? (
              <p>
                You are signed in as <strong className="font-semibold text-fg">{user.name ?? user.email}</strong>, with
                the {roleLabels[user.role].toLowerCase()} role. If you need this area, ask an admin, or sign in with
                another account.
              </p>
            ) : (
              <p>This area needs a different account.</p>
            )
          }
          actions={
            <>
              {home && (
                <Link href={home.href} className={buttonClassName()}>
                  Go to {home.label}
                </Link>
              )}
              <form action={signOutAction}>
                <input type="hidden" name="redirectTo" value="/sign-in" />
                <button type="submit" className={buttonClassName({ variant: "secondary" })}>
                  Sign in with another account
                </button>
              </form>
            </>
          }
        />
      </Card>
    </PageContainer>
  );
}
