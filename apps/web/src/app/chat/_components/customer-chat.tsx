"use client";

import { Skeleton } from "@parley/ui";
import { useRef } from "react";

import { useApiEndpoints, useSignedInViewerId, useTRPCClient, VisitorApiProvider } from "~/trpc/react";
import { startAsVisitor } from "../_lib/start-as-visitor";
import { saveVisitor, useStoredVisitor, type StoredVisitor } from "../_lib/visitor-token-store";
import { CustomerSession } from "./customer-session";
import { StartChatForm } from "./start-chat-form";

export interface CustomerChatProps {
  /** Signed-in customers chat as themselves; everyone else as an anonymous visitor. */
  asSignedInCustomer: boolean;
  compact?: boolean;
}

/**
 * The chat a customer opens: as their account when signed in as a customer, otherwise as
 * a visitor whose token this browser keeps, so that coming back resumes the conversation.
 * No visitor is made until they actually start a chat.
 */
export function CustomerChat({ asSignedInCustomer, compact = false }: CustomerChatProps) {
  const visitor = useStoredVisitor();
  const signedInAs = useSignedInViewerId();
  if (asSignedInCustomer) {
    // Signing out: the page is on its way out; nothing more is asked in anybody's name.
    return signedInAs ? <CustomerSession compact={compact} /> : null;
  }
  if (visitor === undefined) {
    return (
      <div className="flex flex-col gap-3 p-4" aria-busy="true" aria-label="Loading">
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  }
  if (!visitor) return <NewVisitor compact={compact} />;
  return (
    <VisitorApiProvider token={visitor.token}>
      {/* A token the server no longer knows (expired, or its data reset) is dropped: they start afresh. */}
      <CustomerSession compact={compact} onUnknownVisitor={() => saveVisitor(null)} />
    </VisitorApiProvider>
  );
}

function NewVisitor({ compact }: { compact: boolean }) {
  const endpoints = useApiEndpoints();
  const client = useTRPCClient();
  /** A visitor made by an attempt whose session did not start: the next attempt reuses it. */
  const madeEarlier = useRef<StoredVisitor | null>(null);
  return (
    <div className="p-4 sm:p-6">
      <StartChatForm
        askName
        compact={compact}
        onStart={async (input) => {
          try {
            // Once the visitor is stored, the chat re-renders as them, on the session just started.
            saveVisitor(await startAsVisitor(endpoints, client, input, madeEarlier.current));
          } catch (error) {
            madeEarlier.current = (error as { visitor?: StoredVisitor }).visitor ?? madeEarlier.current;
            throw error;
          }
        }}
      />
    </div>
  );
}
