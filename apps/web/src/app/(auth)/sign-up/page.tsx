import type { Metadata } from "next";
import Link from "next/link";

import { safeCallbackPath } from "~/auth/callback-url";
import { AuthCard } from "../_components/auth-card";
import { leaveIfSignedIn } from "../_lib/leave-if-signed-in";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { callbackUrl } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  await leaveIfSignedIn(callbackPath);

  const signInHref = callbackPath ? { pathname: "/sign-in", query: { callbackUrl: callbackPath } } : "/sign-in";
  return (
    <AuthCard
      title="Create your account"
      description="Chat with our support team and keep every conversation in one place. Staff accounts are made by an admin."
      footer={
        <p>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-brand-text hover:underline">
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm callbackPath={callbackPath} />
    </AuthCard>
  );
}
