import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { StoredFileMissing, type AttachmentStorage } from "./attachment-storage";

const KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Attachments as files in one folder. Each upload is written to `.incoming/` and renamed
 * into place only when complete (a rename within one file system is atomic), so a file
 * under its final name is always whole. Files are spread over 256 sub-folders by the
 * key's first two characters, to keep folders small.
 */
export class LocalDiskStorage implements AttachmentStorage {
  private readonly rootDir: string;
  private readonly incomingDir: string;

  constructor(rootDir: string) {
    this.rootDir = path.resolve(rootDir);
    this.incomingDir = path.join(this.rootDir, ".incoming");
  }

  async put(content: AsyncIterable<Uint8Array>): Promise<string> {
    const key = randomBytes(16).toString("hex");
    await mkdir(this.incomingDir, { recursive: true });
    const partial = path.join(this.incomingDir, `${key}.part`);
    // Opened before the copy starts: a refused upload's source can fail before a stream's
    // own lazy open has created the file, and the removal below would then run first and
    // leave the file behind for good.
    const file = await open(partial, "wx");
    try {
      await pipeline(Readable.from(content), file.createWriteStream());
      const final = this.pathOf(key);
      await mkdir(path.dirname(final), { recursive: true });
      await rename(partial, final);
      return key;
    } catch (error) {
      await file.close().catch(() => {}); // closed already unless the copy never got going
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opened before returning, so a missing file is known before anything is sent.
    const handle = await open(this.pathOf(key), "r").catch((error: NodeJS.ErrnoException) => {
      throw error.code === "ENOENT" ? new StoredFileMissing(key) : error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    if (!KEY_PATTERN.test(key)) return; // nothing can be stored under a key of another shape
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    // Keys come from the database; refusing any other shape keeps every path inside the folder.
    if (!KEY_PATTERN.test(key)) throw new StoredFileMissing(key);
    return path.join(this.rootDir, key.slice(0, 2), key);
  }
}
