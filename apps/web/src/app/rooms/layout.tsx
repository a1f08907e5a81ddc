import type { ReactNode } from "react";

import { enterArea } from "~/auth/guards";

export default async function RoomsLayout({ children }: { children: ReactNode }) {
  await enterArea("rooms");
  return children;
}
