"use client";

import { inputClassName, StatusDot } from "@parley/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";

import { useTRPC } from "~/trpc/react";
import { preferredAvailability, rememberAvailability, type Availability } from "../_lib/availability-preference";

const LABELS: Record<Availability, string> = {
  online: "Online",
  away: "Away",
  offline: "Offline",
};

/** What each state means for the desk, as the switch's tooltip. */
const MEANINGS: Record<Availability, string> = {
  online: "Online: new conversations are assigned to you",
  away: "Away: no new conversations for now",
  offline: "Offline: no new conversations",
};

/**
 * The agent's availability, which decides whether the desk hands them conversations.
 * Opening the inbox puts them back where they last left it (online the first time).
 */
export function AvailabilitySwitch({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selectId = useId();
  const agents = useQuery(trpc.inboxDesk.agents.queryOptions());
  const setAvailability = useMutation(
    trpc.desk.setAvailability.mutationOptions({
      // One change at a time, in the order chosen: the switch made on opening the inbox
      // must not reach the server after a quick "away" and overrule it.
      scope: { id: "desk.setAvailability" },
      onSuccess: () => queryClient.invalidateQueries(trpc.inboxDesk.agents.queryFilter()),
    }),
  );
  const { mutate } = setAvailability;

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate({ availability: preferredAvailability() });
  }, [mutate]);

  const current: Availability =
    setAvailability.variables?.availability ?? agents.data?.find((agent) => agent.id === viewerId)?.availability ?? "offline";
  return (
    <div className="flex items-center gap-2">
      <StatusDot status={current} />
      <label htmlFor={selectId} className="sr-only">
        Availability
      </label>
      <select
        id={selectId}
        data-testid="availability"
        title={MEANINGS[current]}
        value={current}
        onChange={(event) => {
          const availability = event.target.value as Availability;
          rememberAvailability(availability);
          mutate({ availability });
        }}
        className={inputClassName({ className: "h-8 w-auto py-0 pr-8 text-xs" })}
      >
        {(Object.keys(LABELS) as Availability[]).map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
      {setAvailability.isError && (
        <span role="alert" className="text-xs text-danger-text">
          Not changed: {setAvailability.error.message}
        </span>
      )}
    </div>
  );
}
