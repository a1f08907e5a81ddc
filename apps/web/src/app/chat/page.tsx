import { IconChat } from "@parley/ui";
import type { Metadata } from "next";

import { ComingSoon } from "~/components/coming-soon";

export const metadata: Metadata = { title: "Chat" };

export default function ChatPage() {
  return (
    <ComingSoon
      icon={<IconChat />}
      title="Customer chat is on its way"
      description="The window your customers open on your website to talk to a real person, in real time."
      highlights={[
        "Instant replies with typing indicators and read receipts",
        "Returning visitors pick up their conversation where they left it",
        "A quick rating at the end, so you know how you did",
      ]}
    />
  );
}
