import type { Metadata } from "next";

import { getSession } from "~/auth";
import { CustomerChatCard } from "./_components/customer-chat-card";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage() {
  const session = await getSession();
  const role = session?.user?.role;
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-3 px-0 py-0 sm:px-4 sm:py-8">
      {role && role !== "customer" && (
        <p className="px-4 text-sm text-fg-muted sm:px-0">
          You are signed in as staff: this chat runs as an anonymous website visitor would see it.
        </p>
      )}
      <CustomerChatCard asSignedInCustomer={role === "customer"} />
    </div>
  );
}
