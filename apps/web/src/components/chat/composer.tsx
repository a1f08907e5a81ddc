"use client";

import { Button, clsx, IconLock, IconPaperclip, IconSend, IconX } from "@parley/ui";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

import { ComposerUploads } from "./composer-uploads";
import { replaceToken, slashTokenAt, type SlashToken } from "./slash-token";
import { SlashMenu, type SlashItem } from "./slash-menu";
import type { ChatAttachment } from "./types";
import { useUploads } from "./use-uploads";

/** What the picker of "/" commands needs from the screen around the composer. */
export interface SlashCommands {
  items: readonly SlashItem[];
  loading: boolean;
  /** The text after "/", or null when no command is being typed. */
  onQuery(query: string | null): void;
  /** The text an item puts in the composer (placeholders filled). */
  resolve(item: SlashItem): Promise<string>;
}

export interface ComposerSubmission {
  text: string;
  internal: boolean;
  attachments: ChatAttachment[];
}

export interface ComposerProps {
  conversationId: string;
  /** Why nothing can be written now ("This conversation is closed."), or null. */
  disabledReason?: string | null;
  placeholder?: string;
  /** Agents may write private notes. */
  allowNotes?: boolean;
  allowAttachments?: boolean;
  slash?: SlashCommands;
  replyingTo?: { senderName: string; excerpt: string } | null;
  onCancelReply?(): void;
  /** A message of the viewer's being edited: its text goes in the box, and submitting saves the edit. */
  editing?: { messageId: string; body: string } | null;
  onCancelEdit?(): void;
  onSubmit(submission: ComposerSubmission): void;
  onTyping?(): void;
  onStopTyping?(): void;
}

/**
 * Where messages are written. Enter sends, Shift+Enter starts a new line; files upload
 * as soon as they are picked (or pasted), with progress; agents switch to a private note;
 * "/" opens the canned responses.
 */
export function Composer(props: ComposerProps) {
  const { conversationId, disabledReason, allowNotes = false, allowAttachments = true, slash, editing } = props;
  const textId = useId();
  const menuId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [internal, setInternal] = useState(false);
  const [token, setToken] = useState<SlashToken | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const uploads = useUploads(conversationId);
  const disabled = !!disabledReason;

  // Editing starts with the message's text in the box.
  useEffect(() => {
    if (!editing) return;
    setText(editing.body);
    textRef.current?.focus();
  }, [editing]);

  const menuOpen = !!slash && token !== null && !editing;
  const updateToken = (value: string, caret: number) => {
    const next = slash ? slashTokenAt(value, caret) : null;
    setToken(next);
    setActiveIndex(0);
    slash?.onQuery(next?.query ?? null);
  };

  const canSend = !disabled && !uploads.busy && (text.trim().length > 0 || uploads.ready.length > 0);
  const submit = () => {
    if (!canSend) return;
    props.onSubmit({ text: text.trim(), internal: allowNotes && internal, attachments: editing ? [] : uploads.ready });
    setText("");
    uploads.clear();
    updateToken("", 0);
    props.onStopTyping?.();
  };

  const pick = async (item: SlashItem) => {
    if (!slash || !token) return;
    const replacement = await slash.resolve(item);
    const next = replaceToken(text, token, replacement);
    setText(next.text);
    updateToken(next.text, next.caret);
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (menuOpen && slash.items.length) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActiveIndex((index) => (index + step + slash.items.length) % slash.items.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        void pick(slash.items[Math.min(activeIndex, slash.items.length - 1)]!);
        return;
      }
    }
    if (event.key === "Escape") {
      if (menuOpen) {
        event.preventDefault();
        setToken(null);
        slash.onQuery(null);
      } else if (editing) {
        event.preventDefault();
        setText("");
        props.onCancelEdit?.();
      } else if (props.replyingTo) {
        event.preventDefault();
        props.onCancelReply?.();
      }
      return;
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  const noteMode = allowNotes && internal && !editing;
  return (
    <div
      data-testid="composer"
      data-mode={noteMode ? "note" : "reply"}
      className={clsx("relative border-t border-border", noteMode ? "bg-note" : "bg-surface")}
    >
      {menuOpen && (
        <SlashMenu id={menuId} items={slash.items} loading={slash.loading} activeIndex={activeIndex} onPick={(item) => void pick(item)} />
      )}
      {allowNotes && !editing && !disabled && (
        <div role="group" aria-label="Message kind" className="flex gap-1 px-3 pt-2">
          <ModeButton checked={!internal} onClick={() => setInternal(false)}>
            Reply
          </ModeButton>
          <ModeButton checked={internal} onClick={() => setInternal(true)}>
            <IconLock className="size-3.5" />
            Private note
          </ModeButton>
        </div>
      )}
      {(editing || props.replyingTo) && (
        <div className="flex items-center gap-2 px-3 pt-2 text-xs text-fg-muted">
          <span className="min-w-0 flex-1 truncate">
            {editing ? "Editing your message" : `Replying to ${props.replyingTo!.senderName}: ${props.replyingTo!.excerpt}`}
          </span>
          <Button
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label={editing ? "Cancel editing" : "Cancel reply"}
            onClick={() => {
              if (editing) {
                setText("");
                props.onCancelEdit?.();
              } else props.onCancelReply?.();
            }}
          >
            <IconX />
          </Button>
        </div>
      )}
      <ComposerUploads uploads={uploads.uploads} onRemove={uploads.remove} />
      <div className="flex items-end gap-2 p-2 sm:p-3">
        {allowAttachments && !editing && (
          <>
            <input
              ref={fileRef}
              type="file"
              multiple
              hidden
              data-testid="composer-file-input"
              accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.csv"
              onChange={(event) => {
                if (event.target.files) uploads.add(event.target.files);
                event.target.value = "";
              }}
            />
            <Button variant="ghost" size="icon" aria-label="Attach a file" disabled={disabled} onClick={() => fileRef.current?.click()}>
              <IconPaperclip />
            </Button>
          </>
        )}
        <label htmlFor={textId} className="sr-only">
          {noteMode ? "Private note" : "Message"}
        </label>
        <textarea
          id={textId}
          ref={textRef}
          rows={1}
          value={text}
          disabled={disabled}
          placeholder={disabledReason ?? (noteMode ? "Write a private note: only your team sees it" : (props.placeholder ?? "Write a message"))}
          role={slash ? "combobox" : undefined}
          aria-expanded={slash ? menuOpen : undefined}
          aria-controls={menuOpen ? menuId : undefined}
          aria-autocomplete={slash ? "list" : undefined}
          aria-activedescendant={menuOpen && slash.items.length ? `${menuId}-${activeIndex}` : undefined}
          className="field-sizing-content max-h-40 min-h-10 flex-1 resize-none rounded-control border border-border-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted/70 focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand disabled:opacity-60"
          onChange={(event) => {
            setText(event.target.value);
            updateToken(event.target.value, event.target.selectionStart);
            if (event.target.value && !noteMode && !editing) props.onTyping?.();
          }}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            if (!allowAttachments || editing || !event.clipboardData.files.length) return;
            event.preventDefault();
            uploads.add(event.clipboardData.files);
          }}
        />
        <Button size="icon" aria-label={editing ? "Save edit" : noteMode ? "Add note" : "Send"} disabled={!canSend} onClick={submit}>
          <IconSend />
        </Button>
      </div>
    </div>
  );
}

function ModeButton({ checked, onClick, children }: { checked: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={checked}
      onClick={onClick}
      className={clsx(
        "inline-flex items-center gap-1 rounded-control px-2.5 py-1 text-xs font-medium transition-colors",
        checked ? "bg-brand-soft text-brand-text" : "text-fg-muted hover:bg-surface-muted",
      )}
    >
      {children}
    </button>
  );
}
