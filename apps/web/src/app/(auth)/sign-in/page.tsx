import type { Metadata } from "next";
import Link from "next/link";

import { safeCallbackPath } from "~/auth/callback-url";
import { AuthCard } from "../_components/auth-card";
import { leaveIfSignedIn } from "../_lib/leave-if-signed-in";
import { noticeFromAuthRedirect } from "../_lib/url-notice";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl, error, code } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  await leaveIfSignedIn(callbackPath);

  const signUpHref = callbackPath ? { pathname: "/sign-up", query: { callbackUrl: callbackPath } } : "/sign-up";
  return (
    <AuthCard
      title="Sign in to Parley"
      description="Agents and admins get to the inbox; customers pick up their conversations."
      footer={
        <p>
          New here?{" "}
          <Link href={signUpHref} className="font-medium text-brand-text hover:underline">
            Create a customer account
          </Link>
        </p>
      }
    >
      <SignInForm callbackPath={callbackPath} notice={noticeFromAuthRedirect(error, code)} />
    </AuthCard>
  );
}
