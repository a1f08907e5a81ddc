import { Card, CardContent, CardFooter, LogoMark } from "@parley/ui";
import type { ReactNode } from "react";

export interface AuthCardProps {
  title: string;
  description: ReactNode;
  /** The way to the other form: "New here? Create an account". */
  footer: ReactNode;
  children: ReactNode;
}

/** The frame shared by the sign-in and sign-up pages. */
export function AuthCard({ title, description, footer, children }: AuthCardProps) {
  return (
    <Card className="shadow-raised">
      <CardContent className="px-6 pt-8 pb-6 sm:px-8 sm:pt-10">
        <LogoMark className="size-10" />
        <h1 className="mt-5 text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        <p className="mt-1.5 text-sm text-pretty text-fg-muted">{description}</p>
        <div className="mt-7">{children}</div>
      </CardContent>
      <CardFooter className="justify-center px-6 py-4 text-center sm:px-8">{footer}</CardFooter>
    </Card>
  );
}
