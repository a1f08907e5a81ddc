"use client";

import { CustomerChat } from "./customer-chat";

/** The chat as a page: a card as tall as the screen allows, edge to edge on a phone. */
export function CustomerChatCard({ asSignedInCustomer }: { asSignedInCustomer: boolean }) {
  return (
    <div
      data-testid="customer-chat"
      className="flex h-[calc(100dvh-4rem)] min-h-[28rem] flex-col overflow-hidden border-border bg-surface sm:h-[calc(100dvh-12rem)] sm:rounded-card sm:border sm:shadow-card"
    >
      <CustomerChat asSignedInCustomer={asSignedInCustomer} />
    </div>
  );
}
