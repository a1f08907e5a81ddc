"use client";

import { Button, clsx, IconStar, Spinner } from "@parley/ui";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { useTRPC } from "~/trpc/react";
import { markRated } from "../_lib/rated-sessions";

const LABELS = ["Very poor", "Poor", "OK", "Good", "Excellent"];

/**
 * The rating after a closed conversation: 1 to 5 stars and an optional comment. The stars
 * are radio buttons, so arrow keys move between them and screen readers say "4 of 5".
 */
export function RatingForm({ sessionId, onRated }: { sessionId: string; onRated: () => void }) {
  const trpc = useTRPC();
  const commentId = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const rate = useMutation(
    trpc.desk.rate.mutationOptions({
      onSuccess: () => {
        markRated(sessionId);
        onRated();
      },
      onError: (error) => {
        // Rated already (in another tab, say): nothing left to do here.
        if (error.data?.code === "CONFLICT") {
          markRated(sessionId);
          onRated();
        }
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) return setMissing(true);
    rate.mutate({ sessionId, rating, comment: comment.trim() || undefined });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 border-t border-border bg-surface p-4" data-testid="rating-form">
      <fieldset>
        <legend className="text-sm font-semibold text-fg">How did we do?</legend>
        <div className="mt-2 flex gap-1">
          {LABELS.map((label, index) => {
            const value = index + 1;
            const lit = rating !== null && value <= rating;
            return (
              <label key={value} className="relative rounded-control p-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand">
                <input
                  type="radio"
                  name={`rating-${sessionId}`}
                  value={value}
                  checked={rating === value}
                  onChange={() => {
                    setRating(value);
                    setMissing(false);
                  }}
                  // Over the star, invisible: the click lands on the radio button itself.
                  className="absolute inset-0 cursor-pointer appearance-none opacity-0"
                  aria-label={`${value} ${value === 1 ? "star" : "stars"}: ${label}`}
                />
                <IconStar className={clsx("pointer-events-none size-7 transition-colors", lit ? "fill-warning text-warning" : "text-fg-muted")} />
              </label>
            );
          })}
        </div>
        {missing && <p className="mt-1 text-sm text-danger-text">Pick from 1 to 5 stars.</p>}
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={commentId} className="text-sm font-medium text-fg">
          Anything to add? <span className="font-normal text-fg-muted">(optional)</span>
        </label>
        <textarea
          id={commentId}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={2000}
          rows={2}
          className="rounded-control border border-border-strong bg-surface px-3 py-2 text-sm text-fg focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand"
        />
      </div>
      {rate.isError && rate.error.data?.code !== "CONFLICT" && (
        <p role="alert" className="text-sm text-danger-text">
          The rating was not saved: {rate.error.message}
        </p>
      )}
      <Button type="submit" disabled={rate.isPending} className="self-start">
        {rate.isPending && <Spinner />}
        Send rating
      </Button>
    </form>
  );
}
