import type { Metadata } from "next";

import { WidgetChat } from "./widget-chat";

export const metadata: Metadata = { title: "Chat with us", robots: { index: false } };

/**
 * The chat for other websites, made to sit in an iframe (see public/widget.js for the
 * one-line snippet): always as an anonymous visitor, whose token the widget keeps.
 */
export default function WidgetPage() {
  return <WidgetChat />;
}
