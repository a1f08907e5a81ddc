import type { ReactNode } from "react";

import { enterArea } from "~/auth/guards";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  await enterArea("inbox");
  return children;
}
