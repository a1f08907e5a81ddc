import { createHash } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";

import { isImageType, isTextFileName, RECOGNISED_TYPES, TEXT_TYPE } from "./allowed-content";
import { fileTooLarge, unsupportedContent } from "./upload-errors";

/** Enough of the start of a file for file-type to recognise every allowed type. */
const SNIFF_BYTES = 4100;
/** How much of an image is kept to read its dimensions: a JPEG states them after its metadata. */
const IMAGE_HEAD_BYTES = 1024 * 1024;

export interface ContentFacts {
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
}

/**
 * Learns the facts of an upload while it streams past, without holding the file in
 * memory: its size (refused the moment it passes the limit), its SHA-256, its type
 * sniffed from the first bytes, its dimensions when it is an image. Every refusal is
 * thrown from `inspect`, so the storage reading from it discards what it wrote.
 */
export class ContentInspection {
  private sizeBytes = 0;
  private readonly hash = createHash("sha256");
  /** The first bytes, contiguous, while they may still be needed. */
  private head: Uint8Array[] = [];
  private headBytes = 0;
  /** Undefined until enough bytes have arrived to tell. */
  private mimeType: string | undefined;
  /** Checks UTF-8 as it streams; null once the content cannot be text (or the name rules text out). */
  private textCheck: TextDecoder | null;
  private dimensions: { width: number; height: number } | null = null;
  /** Set when the whole content has been inspected and accepted. */
  private sha256: string | null = null;

  constructor(private readonly options: { fileName: string; maxBytes: number }) {
    this.textCheck = isTextFileName(options.fileName) ? new TextDecoder("utf-8", { fatal: true }) : null;
  }

  /** Passes `content` on unchanged, throwing at the first reason to refuse it. */
  async *inspect(content: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of content) {
      this.sizeBytes += chunk.byteLength;
      if (this.sizeBytes > this.options.maxBytes) throw fileTooLarge(this.options.maxBytes);
      this.hash.update(chunk);
      this.checkText(chunk, true);
      this.keepHead(chunk);
      if (this.mimeType === undefined && this.headBytes >= SNIFF_BYTES) await this.decideType();
      yield chunk;
    }
    if (this.sizeBytes === 0) throw new TRPCError({ code: "BAD_REQUEST", message: "The file is empty." });
    this.checkText(new Uint8Array(), false);
    if (this.mimeType === undefined) await this.decideType();
    if (isImageType(this.mimeType!)) this.dimensions = this.readDimensions();
    this.head = [];
    this.sha256 = this.hash.digest("hex");
  }

  /** What was learnt; only once `inspect` has run to the end. */
  facts(): ContentFacts {
    if (this.sha256 === null) throw new Error("The content has not been inspected to the end.");
    return {
      mimeType: this.mimeType!,
      sizeBytes: this.sizeBytes,
      sha256: this.sha256,
      width: this.dimensions?.width ?? null,
      height: this.dimensions?.height ?? null,
    };
  }

  private async decideType() {
    const sniffed = await fileTypeFromBuffer(concat(this.head));
    if (sniffed && RECOGNISED_TYPES.has(sniffed.mime)) this.mimeType = sniffed.mime;
    // Text that happens to look like a recognised format (XML, say) is still text.
    else if (this.textCheck) this.mimeType = TEXT_TYPE;
    else throw unsupportedContent(sniffed ? `Files of type ${sniffed.mime} cannot be attached.` : undefined);
    if (!isImageType(this.mimeType)) this.head = [];
  }

  private checkText(chunk: Uint8Array, more: boolean) {
    if (!this.textCheck) return;
    try {
      if (chunk.includes(0)) throw new TypeError("NUL byte");
      this.textCheck.decode(chunk, { stream: more });
    } catch {
      this.textCheck = null;
      if (this.mimeType === TEXT_TYPE) throw unsupportedContent("This file is not UTF-8 text.");
    }
  }

  private keepHead(chunk: Uint8Array) {
    const keeping = this.mimeType === undefined || isImageType(this.mimeType);
    if (!keeping || this.headBytes >= IMAGE_HEAD_BYTES) return;
    const part = chunk.subarray(0, IMAGE_HEAD_BYTES - this.headBytes);
    this.head.push(part);
    this.headBytes += part.byteLength;
  }

  private readDimensions(): { width: number; height: number } | null {
    try {
      const { width, height, orientation } = imageSize(concat(this.head));
      // EXIF orientations 5 to 8 turn the picture a quarter: it is shown height by width.
      return orientation && orientation >= 5 ? { width: height, height: width } : { width, height };
    } catch {
      // Dimensions beyond the kept head (an image with huge metadata) are simply unknown;
      // a whole image they cannot be read from is not an image.
      if (this.headBytes >= this.sizeBytes) throw unsupportedContent("This image could not be read.");
      return null;
    }
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
