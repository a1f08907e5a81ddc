"use client";

import { CustomerChat } from "../chat/_components/customer-chat";

export function WidgetChat() {
  return (
    <div data-testid="widget-chat" className="flex min-h-0 flex-1 flex-col">
      <CustomerChat asSignedInCustomer={false} compact />
    </div>
  );
}
