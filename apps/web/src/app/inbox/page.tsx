import { IconInbox } from "@parley/ui";
import type { Metadata } from "next";

import { ComingSoon } from "~/components/coming-soon";

export const metadata: Metadata = { title: "Inbox" };

export default function InboxPage() {
  return (
    <ComingSoon
      icon={<IconInbox />}
      title="The inbox is on its way"
      description="One shared place where your team picks up, answers and hands over customer conversations."
      highlights={[
        "A live queue of waiting customers, oldest and most urgent first",
        "Assign, transfer and close conversations without losing context",
        "Saved replies and private notes only your team can see",
      ]}
    />
  );
}
