import type { Metadata } from "next";

import { enterArea } from "~/auth/guards";
import { RoomsApp } from "./_components/rooms-app";

export const metadata: Metadata = { title: "Rooms" };

export default async function RoomsPage() {
  const { user } = await enterArea("rooms");
  return <RoomsApp viewer={{ id: user.id, name: user.name || user.email || "You", role: user.role }} />;
}
