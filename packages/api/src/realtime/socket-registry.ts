import type { ConnectionState } from "./presence-store";

/** What the registry needs of a socket; the server's `ws` sockets fit it. */
export interface RegisteredSocket {
  close(code: number, reason: string): void;
}

interface Registration {
  connectionId: string;
  userId: string | null;
  state: ConnectionState;
}

/**
 * The WebSocket connections of this process: who each belongs to (so disabling an
 * account can close its sockets at once) and the presence state each reports.
 */
export class SocketRegistry {
  readonly #sockets = new Map<RegisteredSocket, Registration>();

  add(socket: RegisteredSocket, connectionId: string): void {
    this.#sockets.set(socket, { connectionId, userId: null, state: "online" });
  }

  /** Forgets the socket; returns what it was registered as, for presence to follow up. */
  remove(socket: RegisteredSocket): Registration | undefined {
    const registration = this.#sockets.get(socket);
    this.#sockets.delete(socket);
    return registration;
  }

  connectionIdOf(socket: RegisteredSocket): string | undefined {
    return this.#sockets.get(socket)?.connectionId;
  }

  /** Ties an open socket to the user it authenticated as. */
  bindUser(socket: RegisteredSocket, userId: string): void {
    const registration = this.#sockets.get(socket);
    if (registration) registration.userId = userId;
  }

  setState(connectionId: string, state: ConnectionState): void {
    for (const registration of this.#sockets.values()) {
      if (registration.connectionId === connectionId) registration.state = state;
    }
  }

  count(): number {
    return this.#sockets.size;
  }

  /** The signed-in connections, for presence refreshes. */
  userConnections(): Array<{ userId: string; connectionId: string; state: ConnectionState }> {
    return [...this.#sockets.values()].flatMap(({ userId, connectionId, state }) =>
      userId ? [{ userId, connectionId, state }] : [],
    );
  }

  /** Closes every socket of the user with 1008 (policy violation): the account may no longer connect. */
  disconnectUser(userId: string, reason: string): number {
    const sockets = [...this.#sockets].filter(([, registration]) => registration.userId === userId);
    for (const [socket] of sockets) socket.close(1008, reason);
    return sockets.length;
  }
}
