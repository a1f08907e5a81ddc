"use client";

import { Alert, Button, clsx, EmptyState, IconArrowLeft, IconHash, IconUsers, Skeleton } from "@parley/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";

import { ConnectionBanner } from "~/components/chat/connection-banner";
import { ConversationView } from "~/components/chat/conversation-view";
import { useSignedInViewerId, useTRPC } from "~/trpc/react";
import { NewRoomDialog } from "./new-room-dialog";
import { RoomList } from "./room-list";
import { RoomMembers } from "./room-members";

type Viewer = { id: string; name: string; role: "customer" | "agent" | "admin" };

/** Group rooms: the list, the open room's chat, and its members. One column at a time on a phone. */
export function RoomsApp({ viewer }: { viewer: Viewer }) {
  const signedInAs = useSignedInViewerId();
  // Signing out: the page is on its way out; nothing more is asked in anybody's name.
  if (signedInAs !== viewer.id) return null;
  return <Rooms viewer={viewer} />;
}

function Rooms({ viewer }: { viewer: Viewer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showMembers, setShowMembers] = useState(false);
  const [creating, setCreating] = useState(false);
  const listOptions = trpc.conversations.list.queryOptions({ kind: "group", limit: 100 });
  const rooms = useQuery(listOptions);
  const refreshList = () => void queryClient.invalidateQueries({ queryKey: listOptions.queryKey });
  // New rooms and unread counts arrive on the viewer's inbox stream.
  useSubscription(trpc.inbox.events.subscriptionOptions(undefined, { onData: (event) => event.type !== "mention" && refreshList() }));

  return (
    <div className="flex h-[calc(100dvh-3.5rem-1px)]" data-testid="rooms">
      <nav aria-label="Rooms" className={clsx("w-full min-h-0 flex-col border-r border-border bg-surface lg:flex lg:w-80 lg:shrink-0", selectedId ? "hidden" : "flex")}>
        <div className="flex items-center justify-between border-b border-border px-4 py-3">
          <h1 className="font-semibold">Rooms</h1>
          {viewer.role !== "customer" && (
            <Button size="sm" variant="secondary" onClick={() => setCreating(true)}>
              New room
            </Button>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          {rooms.isError && !rooms.data ? (
            <div className="p-4">
              <Alert role="alert" title="Your rooms could not be loaded.">
                <Button variant="secondary" size="sm" className="mt-2" onClick={() => void rooms.refetch()}>
                  Try again
                </Button>
              </Alert>
            </div>
          ) : !rooms.data ? (
            <div className="flex flex-col gap-3 p-4" aria-busy="true" aria-label="Loading rooms">
              <Skeleton className="h-12 w-full" />
              <Skeleton className="h-12 w-full" />
            </div>
          ) : (
            <RoomList rooms={rooms.data.items} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </div>
      </nav>
      <div className={clsx("min-h-0 min-w-0 flex-1 flex-col bg-canvas lg:flex", selectedId ? "flex" : "hidden")}>
        {selectedId ? (
          <RoomPane
            key={selectedId}
            roomId={selectedId}
            viewer={viewer}
            showMembers={showMembers}
            onToggleMembers={() => setShowMembers((open) => !open)}
            onBack={() => setSelectedId(null)}
            onLeft={() => {
              setSelectedId(null);
              refreshList();
            }}
          />
        ) : (
          <EmptyState icon={<IconHash />} title="Pick a room" description="Talk with a group in one place." className="m-auto" />
        )}
      </div>
      {creating && (
        <NewRoomDialog
          viewerId={viewer.id}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            refreshList();
            setSelectedId(id);
          }}
        />
      )}
    </div>
  );
}

function RoomPane(props: { roomId: string; viewer: Viewer; showMembers: boolean; onToggleMembers(): void; onBack(): void; onLeft(): void }) {
  const { roomId, viewer } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detailOptions = trpc.conversations.get.queryOptions({ conversationId: roomId });
  const detail = useQuery(detailOptions);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: detailOptions.queryKey });

  if (detail.isError && !detail.data) {
    return (
      <div className="p-4">
        <Alert role="alert" title="This room could not be opened.">
          {detail.error.message}
        </Alert>
      </div>
    );
  }
  if (!detail.data) return <Skeleton className="m-4 h-40" />;
  const room = detail.data;
  const member = room.participants.some((person) => person.userId === viewer.id);
  return (
    <div className="relative flex min-h-0 flex-1">
      <section className="flex min-w-0 flex-1 flex-col" aria-labelledby="room-title">
        <header className="flex items-center gap-2 border-b border-border px-3 py-2.5">
          <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Back to rooms" onClick={props.onBack}>
            <IconArrowLeft />
          </Button>
          <h2 id="room-title" className="min-w-0 flex-1 truncate font-semibold">
            {room.subject ?? "Room"}
          </h2>
          <Button variant="ghost" size="sm" aria-expanded={props.showMembers} onClick={props.onToggleMembers} className="xl:hidden">
            <IconUsers />
            {room.participants.length}
          </Button>
        </header>
        <ConnectionBanner />
        <ConversationView
          key={roomId}
          conversationId={roomId}
          viewer={{ id: viewer.id, role: viewer.role }}
          participants={room.participants}
          isParticipant={member}
          formerParticipantName="Former member"
          disabledReason={room.status !== "open" ? `This room is ${room.status}.` : member ? null : "Join this room to write in it."}
          onLiveMessage={(message) => message.type === "system" && refresh()}
          label={`Messages in ${room.subject ?? "the room"}`}
        />
      </section>
      <div
        className={
          props.showMembers
            ? "absolute inset-y-0 right-0 z-10 w-72 overflow-y-auto border-l border-border bg-surface shadow-raised xl:static xl:shadow-none"
            : "hidden w-72 shrink-0 overflow-y-auto border-l border-border bg-surface xl:block"
        }
      >
        <RoomMembers room={room} viewer={viewer} onChanged={refresh} onLeft={props.onLeft} />
      </div>
    </div>
  );
}
