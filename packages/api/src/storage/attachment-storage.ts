import type { Readable } from "node:stream";

/**
 * Where attachment bytes live. The database keeps each file's facts and its key; the
 * storage keeps the bytes under that key. Keys are chosen by the storage, never taken
 * from what a person sent, so no file name or path reaches the backend.
 */
export interface AttachmentStorage {
  /**
   * Stores `content` under a new key and resolves with that key once every byte is
   * written. If `content` throws (too large, a refused type, a dropped connection),
   * the partial bytes are discarded and nothing is kept.
   */
  put(content: AsyncIterable<Uint8Array>): Promise<string>;
  /** The stored bytes. Rejects with `StoredFileMissing` when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes; removing what is already gone is not an error. */
  delete(key: string): Promise<void>;
}

export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`No stored file under key ${key}.`);
    this.name = "StoredFileMissing";
  }
}
