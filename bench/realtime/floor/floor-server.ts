/**
 * The floor: the least a chat server must do per message. It accepts WebSocket clients
 * that name their pair and side, and for each message inserts one row with postgres.js,
 * then sends it to the pair's other socket and acknowledges it to the sender. No auth, no
 * access checks, no ordering: what Parley does on top is what the comparison prices.
 *
 * Run as its own process by targets/floor-target.ts; prints {"listening":port} when ready.
 */
import { WebSocketServer, type WebSocket } from "ws";

import { FLOOR_TABLE, type FloorFrame, type FloorSend } from "./floor-frames";
import { openFloorDatabase, runFloorProcess } from "./floor-process";

const sql = await openFloorDatabase(FLOOR_TABLE);

const pairs = new Map<number, { customer?: WebSocket; agent?: WebSocket }>();
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, maxPayload: 1_000_000 });

wss.on("connection", (socket, request) => {
  const params = new URL(request.url ?? "/", "http://127.0.0.1").searchParams;
  const pair = Number(params.get("pair"));
  const side = params.get("side");
  if (!Number.isInteger(pair) || (side !== "customer" && side !== "agent")) {
    socket.close(1008, "name a pair and a side");
    return;
  }
  const sockets = pairs.get(pair) ?? {};
  sockets[side] = socket;
  pairs.set(pair, sockets);
  const peerSide = side === "customer" ? "agent" : "customer";

  socket.on("message", async (data) => {
    let frame: FloorSend;
    try {
      frame = JSON.parse(data.toString()) as FloorSend;
    } catch {
      return;
    }
    try {
      const [row] = await sql<Array<{ id: string }>>`
        insert into ${sql(FLOOR_TABLE)} (pair, sender, body) values (${pair}, ${side}, ${frame.body}) returning id`;
      send(pairs.get(pair)?.[peerSide], { type: "message", key: frame.key, id: row!.id, body: frame.body });
      send(socket, { type: "ack", key: frame.key, id: row!.id });
    } catch (error) {
      send(socket, { type: "error", key: frame.key, message: String(error) });
    }
  });
  socket.on("close", () => {
    if (pairs.get(pair)?.[side] === socket) delete pairs.get(pair)![side];
  });
});

function send(socket: WebSocket | undefined, frame: FloorFrame) {
  if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

runFloorProcess(wss, sql);
