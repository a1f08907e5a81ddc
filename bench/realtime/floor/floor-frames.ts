/** The raw floor's own table in the bench database. */
export const FLOOR_TABLE = "floor_messages";
/** The tRPC floor's. */
export const TRPC_FLOOR_TABLE = "trpc_floor_messages";

/** A client's message: `key` is the bench's id for it, echoed in every reply. */
export interface FloorSend {
  key: string;
  body: string;
}

/** What the floor sends back: an ack to the sender, the message to the peer, or a failure. */
export type FloorFrame =
  | { type: "ack"; key: string; id: string }
  | { type: "message"; key: string; id: string; body: string }
  | { type: "error"; key: string; message: string };
