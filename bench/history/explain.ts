import { schema, type Database } from "@parley/db";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres, { type Sql } from "postgres";

import { readHistory } from "../../packages/api/src/services/messages/history";
import type { LoadedConversation } from "./load-conversation";
import type { PageCase } from "./page-cases";

export interface ExplainedCase {
  pageCase: PageCase;
  /** The page query exactly as readHistory sent it. */
  statement: string;
  /** Planned for these parameters, as for the first calls of a prepared statement. */
  plan: string[];
  /** Planned for any parameters: what a prepared statement may settle on after five calls. */
  genericPlan: string[];
  /** Both plans read messages through the (conversation_id, seq) index, with no scan of the table. */
  usesSeqIndex: boolean;
}

const SEQ_INDEX = "messages_conversation_seq_idx";

/**
 * EXPLAIN ANALYZE of the statement readHistory really sends for each case: the service
 * runs once on a connection that records what it sends, and its page query (the one on
 * `messages`) is explained with the same parameters. Parley prepares its statements, and
 * PostgreSQL may switch a prepared statement to a generic plan after five calls, so that
 * plan is explained too.
 */
export async function explainCases(databaseUrl: string, sql: Sql, loaded: LoadedConversation, cases: PageCase[]): Promise<ExplainedCase[]> {
  const sent: Array<{ text: string; parameters: unknown[] }> = [];
  const recording = postgres(databaseUrl, {
    max: 1,
    onnotice: () => {},
    debug: (_connection, text, parameters) => sent.push({ text, parameters }),
  });
  const db = drizzle(recording, { schema }) as unknown as Database;
  const viewers = { customer: loaded.customer, agent: loaded.agent };
  try {
    const explained: ExplainedCase[] = [];
    for (const pageCase of cases) {
      sent.length = 0;
      await readHistory(db, viewers[pageCase.viewer], pageCase.query);
      const pageQuery = sent.findLast((statement) => /from "messages"/.test(statement.text));
      if (!pageQuery) throw new Error(`readHistory sent no query on messages for "${pageCase.label}"`);
      const parameters = pageQuery.parameters as never[];
      const plan = planLines(await sql.unsafe(`explain (analyze, buffers) ${pageQuery.text}`, parameters));
      const genericPlan = await sql.begin(async (tx) => {
        await tx`set local plan_cache_mode = force_generic_plan`;
        // The simple protocol: over the extended one, the $n of the body would be taken for parameters of PREPARE itself.
        await tx.unsafe(`prepare bench_history_page as ${pageQuery.text}`).simple();
        // EXPLAIN EXECUTE takes no bound parameters: the same values go in as literals of the
        // types PostgreSQL gave the statement's parameters.
        const [prepared] = await tx<Array<{ types: string[] }>>`
          select parameter_types::text[] as types from pg_prepared_statements where name = 'bench_history_page'`;
        const literals = prepared!.types.map((type, index) => `${quoteLiteral(String(parameters[index]))}::${type}`).join(", ");
        const lines = planLines(await tx.unsafe(`explain (analyze, buffers) execute bench_history_page(${literals})`).simple());
        await tx`deallocate bench_history_page`;
        return lines;
      });
      explained.push({
        pageCase,
        statement: pageQuery.text,
        plan,
        genericPlan,
        usesSeqIndex: [plan, genericPlan].every((lines) => readsBySeqIndex(lines.join("\n"))),
      });
    }
    return explained;
  } finally {
    await recording.end({ timeout: 5 });
  }
}

function planLines(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((row) => String(row["QUERY PLAN"]));
}

function readsBySeqIndex(plan: string): boolean {
  return plan.includes(SEQ_INDEX) && !/Seq Scan on messages\b/.test(plan);
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
