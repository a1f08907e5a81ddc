import type { BenchOptions, TargetName } from "./options";
import type { TargetReport } from "./scenario";
import type { StepReport } from "./step";
import { say } from "../common/terminal";

/** The targets for this 2-core machine. */
const TARGETS = { clients: 2000, rate: 1000, p99Ms: 50, floorRatio: 0.6 };

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : "n/a");
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a");
const fixed = (value: number | undefined, digits = 2) => (value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(digits));

/** Memory each extra connection costs: the change since the primed reading, per socket. */
function perSocket(report: TargetReport, reading: "idle" | "joined", field: "rssBytes" | "heapUsedBytes"): number {
  const { primed, primedSockets } = report.memory;
  const after = report.memory[reading][field];
  const before = primed[field];
  if (after === null || before === null) return Number.NaN;
  return (after - before) / (report.sockets - primedSockets);
}

/**
 * CPU time each role spent per message: what a message costs, whatever the machine's load.
 * Per message delivered within the run, so that an overloaded server (which handles fewer
 * than were sent) is not made to look cheaper.
 */
function cpuPerMessage(step: StepReport): string {
  const handled = Math.min(step.rate, step.throughput);
  const per = (cores: number) => (handled > 0 ? fixed((cores * 1000) / handled) : "n/a");
  return `${per(step.cores.server)} / ${per(step.cores.database)} / ${per(step.cores.generator)}`;
}

function rejectedText(step: StepReport): string {
  const entries = Object.entries(step.result.rejected);
  return entries.length ? entries.map(([code, count]) => `${count} ${code}`).join(", ") : "0";
}

export function printReport(options: BenchOptions, reports: TargetReport[]): void {
  const rows: Array<[string, (report: TargetReport) => string]> = [
    ["sockets open and signed in", (r) => String(r.sockets)],
    ["memory per idle connection (RSS)", (r) => kb(perSocket(r, "idle", "rssBytes"))],
    ["  V8 heap per idle connection", (r) => kb(perSocket(r, "idle", "heapUsedBytes"))],
    ["memory per joined connection (RSS)", (r) => kb(perSocket(r, "joined", "rssBytes"))],
    ["  V8 heap per joined connection", (r) => kb(perSocket(r, "joined", "heapUsedBytes"))],
    [`main run: ${options.rate} msg/s for ${options.durationMs / 1000} s`, () => ""],
    ["  sent / acknowledged", (r) => `${r.main.result.attempted} / ${r.main.result.acknowledged}`],
    ["  delivered / lost", (r) => `${r.main.result.delivered} / ${r.main.result.lost}`],
    ["  rejected / unanswered / not sent", (r) => `${rejectedText(r.main)} / ${r.main.result.unanswered} / ${r.main.result.shed}`],
    ["  rows persisted", (r) => String(r.main.persisted)],
    ["  throughput (msg/s delivered)", (r) => Math.round(r.main.throughput).toString()],
    ["  latency p50 / p99 / max (ms)", (r) => `${ms(r.main.latency.p50)} / ${ms(r.main.latency.p99)} / ${ms(r.main.latency.max)}`],
    ["  sender's answer p50 / p99 (ms)", (r) => `${ms(r.main.ackLatency.p50)} / ${ms(r.main.ackLatency.p99)}`],
    ["  generator send lag p99 (ms)", (r) => ms(r.main.sendLag.p99)],
    ["  cores: server / PostgreSQL / generator", (r) => `${fixed(r.main.cores.server)} / ${fixed(r.main.cores.database)} / ${fixed(r.main.cores.generator)}`],
    ["  CPU ms per message: server / PostgreSQL / gen.", (r) => cpuPerMessage(r.main)],
    ["  cores used by other programs", (r) => fixed(r.main.cores.others)],
    ["  cores taken by the hypervisor (steal)", (r) => fixed(r.main.cores.stolen)],
    ["  server event-loop delay p99 / max (ms)", (r) => (r.main.serverStalls ? `${ms(r.main.serverStalls.loopDelayP99Ms)} / ${ms(r.main.serverStalls.loopDelayMaxMs)}` : "n/a")],
    ["  server GC pauses: longest / total (ms)", (r) => (r.main.serverStalls ? `${ms(r.main.serverStalls.gcMaxMs)} / ${ms(r.main.serverStalls.gcTotalMs)}` : "n/a")],
    ["  DB transactions per message", (r) => fixed(r.main.activity?.transactions, 1)],
    ["  rows read / inserted / updated per msg", (r) => r.main.activity ? `${fixed(r.main.activity.rowsRead, 1)} / ${fixed(r.main.activity.rowsInserted, 1)} / ${fixed(r.main.activity.rowsUpdated, 1)}` : "n/a"],
    ["  WAL bytes per message (whole server)", (r) => fixed(r.main.activity?.walBytes, 0)],
    ["highest sustainable rate (msg/s)", (r) => (options.stepDurationMs ? String(r.highestSustainableRate ?? "none") : "not searched")],
  ];

  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columnWidth = Math.max(18, ...reports.flatMap((report) => rows.map(([, cell]) => cell(report).length + 2)));
  const line = (label: string, cells: string[]) => say(label.padEnd(labelWidth) + cells.map((cell) => cell.padStart(columnWidth)).join(""));

  say();
  line("", reports.map((report) => report.label));
  for (const [label, cell] of rows) line(label, reports.map(cell));

  const byName = (name: TargetName) => reports.find((report) => report.name === name);
  const parley = byName("parley");
  const ratio = rateRatio(parley, byName("floor"));
  const transportRatio = rateRatio(byName("trpc-floor"), byName("floor"));
  if (ratio !== null) line("Parley / raw floor, highest sustainable rate", [ratio.toFixed(2)]);
  if (transportRatio !== null) line("tRPC floor / raw floor, highest sustainable rate", [transportRatio.toFixed(2)]);
  for (const report of reports) {
    if (!report.serverErrors.length) continue;
    say();
    say(`${report.label} logged errors during the run:`);
    for (const { message, count } of report.serverErrors.slice(0, 10)) say(`  ${String(count).padStart(6)} x ${message}`);
  }
  say();
  if (parley) printTargets(options, parley, ratio, transportRatio);
}

function rateRatio(report: TargetReport | undefined, floor: TargetReport | undefined): number | null {
  return report?.highestSustainableRate && floor?.highestSustainableRate ? report.highestSustainableRate / floor.highestSustainableRate : null;
}

function printTargets(options: BenchOptions, parley: TargetReport, ratio: number | null, transportRatio: number | null): void {
  const full = options.clients >= TARGETS.clients && options.rate >= TARGETS.rate;
  const mark = (ok: boolean) => (ok ? "met   " : "missed");
  say(full ? "Targets (2-core machine, real PostgreSQL):" : "Targets (this is not a full-size run: they are judged at 2,000 clients and 1,000 msg/s):");
  say(`  ${mark(parley.sockets >= TARGETS.clients)} ${TARGETS.clients} connected clients: ${parley.sockets}`);
  const main = parley.main;
  const mainOk =
    main.rate >= TARGETS.rate && main.shortfalls.length === 0 && main.latency.p99 < TARGETS.p99Ms && main.persisted >= main.result.acknowledged;
  say(
    `  ${mark(mainOk)} ${TARGETS.rate} persisted msg/s, p99 < ${TARGETS.p99Ms} ms, nothing lost: ` +
      `${Math.round(main.throughput)}/s, p99 ${ms(main.latency.p99)} ms, ${main.result.lost} lost` +
      (main.shortfalls.length ? ` (${main.shortfalls.join("; ")})` : ""),
  );
  if (ratio !== null) say(`  ${mark(ratio >= TARGETS.floorRatio)} at least ${TARGETS.floorRatio} of the floor's highest sustainable rate: ${ratio.toFixed(2)}`);
  else say(`  n/a    ratio to the floor: needs both targets and the rate search`);
  // What any server on Parley's transport could reach here, for reading the line above.
  if (transportRatio !== null) say(`         (the tRPC floor reaches ${transportRatio.toFixed(2)} of the raw floor)`);
}
