import { clsx } from "clsx";
import type { CSSProperties } from "react";

import { StatusDot, type DotStatus } from "./status-dot";

export type AvatarSize = "sm" | "md" | "lg";

const sizes: Record<AvatarSize, string> = {
  sm: "size-7 text-[0.6875rem]",
  md: "size-9 text-xs",
  lg: "size-12 text-base",
};

export interface AvatarProps {
  name: string;
  size?: AvatarSize;
  /** Shows presence (online, away, offline) in the corner. */
  presence?: Extract<DotStatus, "online" | "away" | "offline">;
  className?: string;
}

/** "Maya Lopez" -> "ML"; "cher" -> "C"; "" -> "?". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** The same name always gets the same hue, so people are recognisable across screens. */
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

export function Avatar({ name, size = "md", presence, className }: AvatarProps) {
  const hue = hueOf(name);
  return (
    <span className={clsx("relative inline-flex shrink-0", className)}>
      <span
        role="img"
        aria-label={name}
        className={clsx(
          "avatar-tint inline-flex items-center justify-center rounded-full font-semibold select-none",
          sizes[size],
        )}
        style={{ "--avatar-hue": hue } as CSSProperties}
      >
        <span aria-hidden="true">{initialsOf(name)}</span>
      </span>
      {presence && (
        <span className="absolute -right-1 -bottom-1 rounded-full bg-surface p-0.5">
          <StatusDot status={presence} label={presence} className="size-2" />
        </span>
      )}
    </span>
  );
}
