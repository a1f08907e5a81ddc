/** What the registry needs of a socket; the server's `ws` sockets fit it. */
export interface RegisteredSocket {
  close(code: number, reason: string): void;
}

/**
 * The WebSocket connections of this process, by user, so that disabling an account can
 * close its sockets at once instead of waiting for them to drop.
 */
export class SocketRegistry {
  readonly #all = new Set<RegisteredSocket>();
  readonly #byUser = new Map<string, Set<RegisteredSocket>>();

  add(socket: RegisteredSocket): void {
    this.#all.add(socket);
  }

  remove(socket: RegisteredSocket): void {
    this.#all.delete(socket);
    for (const [userId, sockets] of this.#byUser) {
      if (sockets.delete(socket) && sockets.size === 0) this.#byUser.delete(userId);
    }
  }

  /** Ties an open socket to the user it authenticated as. */
  bindUser(socket: RegisteredSocket, userId: string): void {
    if (!this.#all.has(socket)) return;
    let sockets = this.#byUser.get(userId);
    if (!sockets) this.#byUser.set(userId, (sockets = new Set()));
    sockets.add(socket);
  }

  count(): number {
    return this.#all.size;
  }

  /** Closes every socket of the user with 1008 (policy violation): the account may no longer connect. */
  disconnectUser(userId: string, reason: string): number {
    const sockets = [...(this.#byUser.get(userId) ?? [])];
    for (const socket of sockets) socket.close(1008, reason);
    return sockets.length;
  }
}
