import type { PgTable } from "drizzle-orm/pg-core";

import type { Database } from "../client";
import { agentStatusChanges, conversations, csatResponses, messages, participants, sessionEvents, teamMembers, teams, users } from "../schema";
import { insertInBatches } from "./batch-insert";
import { buildDemoWorkspace, type DemoWorkspaceRows, type DemoWorkspaceSummary } from "./demo-workspace";

export interface SeedDemoWorkspaceOptions {
  /** The moment the demo data leads up to; defaults to the present. */
  now?: Date;
  /** Called after every inserted batch, with rows done, rows in total, and the table being filled. */
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Multiplies the number of customers and support sessions; 1 is the full demo. */
  scale?: number;
}

/** True while no account exists: a database nobody has used yet. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const someone = await db.select({ id: users.id }).from(users).limit(1);
  return someone.length === 0;
}

/**
 * Fills an empty database with the demo workspace. Everything is computed first and
 * then written in one transaction, so an interrupted seed leaves the database empty
 * (and seedable on the next start) rather than half filled.
 */
export async function seedDemoWorkspace(db: Database, options: SeedDemoWorkspaceOptions = {}): Promise<DemoWorkspaceSummary> {
  const { rows, summary } = buildDemoWorkspace({
    now: options.now ?? new Date(),
    scale: options.scale,
  });

  // Parents before children, for the foreign keys.
  const stages: { stage: string; table: PgTable; rows: DemoWorkspaceRows[keyof DemoWorkspaceRows] }[] = [
    { stage: "users", table: users, rows: rows.users },
    { stage: "teams", table: teams, rows: rows.teams },
    { stage: "team members", table: teamMembers, rows: rows.teamMembers },
    { stage: "conversations", table: conversations, rows: rows.conversations },
    { stage: "participants", table: participants, rows: rows.participants },
    { stage: "messages", table: messages, rows: rows.messages },
    { stage: "session events", table: sessionEvents, rows: rows.sessionEvents },
    { stage: "csat responses", table: csatResponses, rows: rows.csatResponses },
    { stage: "agent status changes", table: agentStatusChanges, rows: rows.agentStatusChanges },
  ];
  const total = stages.reduce((sum, stage) => sum + stage.rows.length, 0);
  let done = 0;
  options.onProgress?.(done, total, "preparing");

  await db.transaction(async (tx) => {
    if (!(await isDatabaseEmpty(tx))) {
      throw new Error("The demo workspace only goes into an empty database, and this one already has accounts.");
    }
    for (const { stage, table, rows: stageRows } of stages) {
      await insertInBatches(tx, table, stageRows, (count) => {
        done += count;
        options.onProgress?.(done, total, stage);
      });
    }
  });
  return summary;
}
