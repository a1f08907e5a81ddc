import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { getSession } from "~/auth";
import { SiteFooter } from "~/components/site-footer";
import { SiteFrame } from "~/components/site-frame";
import { SiteHeader } from "~/components/site-header";
import { apiEndpoints } from "~/env";
import { TRPCReactProvider } from "~/trpc/react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description:
    "Open-source live chat support: real-time customer conversations, a shared inbox for agents and dashboards for admins.",
  applicationName: "Parley",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  // The browser's own chrome matches the page canvas in either theme.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1117" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, so the API address comes from the running server's environment
  // rather than being frozen into the build (see ~/env).
  await connection();
  const session = await getSession();

  return (
    <html lang="en">
      <body>
        <TRPCReactProvider endpoints={apiEndpoints} viewerId={session?.user?.id ?? null}>
          <SiteFrame header={<SiteHeader />} footer={<SiteFooter />}>
            {children}
          </SiteFrame>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
