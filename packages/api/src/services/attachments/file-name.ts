import { TRPCError } from "@trpc/server";

const MAX_FILE_NAME_LENGTH = 255;
/** Control characters, and the bidirectional overrides that make "invoice‮fdp.exe" read as a PDF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name an uploaded file is shown and downloaded under: the last part of whatever
 * path the client sent, without characters that could disguise it, at most 255
 * characters (the extension kept). It is only ever displayed, never used as a path.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const name = base.normalize("NFC").replace(/\s+/g, " ").replace(UNSAFE_CHARACTERS, "").trim();
  if (!name || /^\.+$/.test(name)) throw new TRPCError({ code: "BAD_REQUEST", message: "Give the file a name." });
  return shorten(name);
}

function shorten(name: string): string {
  const characters = [...name];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 16 ? [...name.slice(dot)] : [];
  return characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join("") + extension.join("");
}
