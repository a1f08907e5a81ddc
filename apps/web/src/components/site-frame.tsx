"use client";

import { AppShell, MAIN_CONTENT_ID } from "@parley/ui";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Pages shown inside other sites (in an iframe): no header or footer of Parley's own. */
const EMBEDDED_PATHS = ["/widget"];

/** Screens that fill the window, like an app: no footer under them. */
const FULL_WINDOW_PATHS = ["/inbox", "/rooms", "/chat"];

const within = (paths: string[], pathname: string) => paths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

export function isEmbeddedPath(pathname: string): boolean {
  return within(EMBEDDED_PATHS, pathname);
}

/** The app's frame (skip link, header, footer) around every page but the embedded ones. */
export function SiteFrame({ header, footer, children }: { header: ReactNode; footer: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  if (isEmbeddedPath(pathname)) {
    return (
      <main id={MAIN_CONTENT_ID} className="flex h-dvh flex-col bg-surface">
        {children}
      </main>
    );
  }
  return (
    <AppShell header={header} footer={within(FULL_WINDOW_PATHS, pathname) ? undefined : footer}>
      {children}
    </AppShell>
  );
}
