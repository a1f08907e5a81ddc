import type { Database } from "@parley/db";

import { coresUsed, readCpu, type CoresUsed } from "../common/process-meter";

import { readHistory } from "../../packages/api/src/services/messages/history";
import type { LoadedConversation } from "./load-conversation";
import type { PageCase } from "./page-cases";

const WARM_UP_CALLS = 30;

/**
 * Milliseconds of every `readHistory` call per case, the access check included, as a
 * request pays it. Cases take turns call by call, so a busy moment on the machine falls
 * on all of them alike rather than on whichever ran then. Every page is checked.
 */
export async function timePages(
  db: Database,
  loaded: LoadedConversation,
  cases: PageCase[],
  options: { iterations: number; databaseName: string },
): Promise<{ timings: Float64Array[]; cores: CoresUsed }> {
  const viewers = { customer: loaded.customer, agent: loaded.agent };
  const call = async (pageCase: PageCase) => {
    const started = performance.now();
    const page = await readHistory(db, viewers[pageCase.viewer], pageCase.query);
    const elapsed = performance.now() - started;
    pageCase.check(page);
    return elapsed;
  };

  for (let round = 0; round < WARM_UP_CALLS; round++) for (const pageCase of cases) await call(pageCase);
  const timings = cases.map(() => new Float64Array(options.iterations));
  // The bench process plays the server here: the service runs in it.
  const cpu = () => readCpu({ serverPid: process.pid, generatorPids: [], databaseName: options.databaseName });
  const before = cpu();
  for (let round = 0; round < options.iterations; round++) {
    for (const [index, pageCase] of cases.entries()) timings[index]![round] = await call(pageCase);
  }
  return { timings, cores: coresUsed(before, cpu()) };
}
