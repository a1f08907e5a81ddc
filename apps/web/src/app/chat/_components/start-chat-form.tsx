"use client";

import { Alert, Button, IconChat, Spinner, TextField } from "@parley/ui";
import { useState, type FormEvent } from "react";

export interface StartChatFormProps {
  /** Visitors may say what to call them; signed-in customers are known already. */
  askName: boolean;
  /** Starts the session; rejects with a reason to show. */
  onStart(input: { name: string; subject: string }): Promise<void>;
  compact?: boolean;
}

/** The first step of a chat: what it is about (and, for a visitor, a name). */
export function StartChatForm({ askName, onStart, compact = false }: StartChatFormProps) {
  const [name, setName] = useState("");
  const [subject, setSubject] = useState("");
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!subject.trim()) {
      setSubjectError("Tell us in a few words what you need help with.");
      return;
    }
    setSubjectError(null);
    setProblem(null);
    setBusy(true);
    try {
      await onStart({ name: name.trim(), subject: subject.trim() });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The chat could not be started.");
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4" aria-labelledby="start-chat-title">
      <div className="flex items-start gap-3">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-card bg-brand-soft text-brand-text [&_svg]:size-5">
          <IconChat />
        </span>
        <div>
          <h2 id="start-chat-title" className="text-lg font-semibold text-fg">
            Chat with our team
          </h2>
          {!compact && <p className="text-sm text-fg-muted">A real person answers, usually within a few minutes.</p>}
        </div>
      </div>
      {problem && (
        <Alert role="alert" title="The chat could not be started.">
          {problem}
        </Alert>
      )}
      {askName && (
        <TextField label="Your name" hint="Optional" value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" maxLength={100} />
      )}
      <TextField
        label="What can we help with?"
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
        error={subjectError}
        maxLength={200}
        required
        placeholder="e.g. Where is my order?"
      />
      <Button type="submit" disabled={busy} className="self-start">
        {busy && <Spinner />}
        Start chat
      </Button>
    </form>
  );
}
