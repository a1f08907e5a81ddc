import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { InboxApp } from "./_components/inbox-app";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  // The layout checks too; pages render alongside their layout, so each guards itself.
  const { user } = await enterArea("inbox");
  const role = user.role === "admin" ? "admin" : "agent";
  return <InboxApp viewer={{ id: user.id, name: user.name || user.email || "Agent", role }} />;
}
