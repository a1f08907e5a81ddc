import type { ReactNode } from "react";

import { enterArea } from "~/auth/guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await enterArea("admin");
  return children;
}
