import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc CPU times (100 on Linux, asked once). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Resident memory of a process, in bytes, or null when it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (user + system), or 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds the machine's cores spent busy, whoever for, and those its hypervisor took
 * for other guests (steal): on a virtual machine, time the cores were not ours at all.
 */
function machineSeconds(): { busy: number; stolen: number } {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n", 1)[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: (user! + nice! + system! + irq! + softirq!) / TICKS_PER_SECOND, stolen: steal! / TICKS_PER_SECOND };
}

/**
 * The PostgreSQL processes working for the bench database: its backends (their command
 * line names the database) and the shared writers every commit goes through. Backends of
 * other databases on the same server are left out: they are someone else's load.
 */
export function benchPostgresPids(databaseName: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (title.includes(` ${databaseName} `) || /: (walwriter|checkpointer|background writer|autovacuum)/.test(title)) {
        pids.push(Number(entry));
      }
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** CPU seconds used by the processes of each role, and by the whole machine. */
export interface CpuReading {
  server: number;
  database: number;
  generator: number;
  machine: number;
  stolen: number;
  wallSeconds: number;
}

export function readCpu(roles: { serverPid: number; generatorPids: number[]; databaseName: string }): CpuReading {
  const machine = machineSeconds();
  return {
    server: cpuSeconds(roles.serverPid),
    database: benchPostgresPids(roles.databaseName).reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    generator: roles.generatorPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    machine: machine.busy,
    stolen: machine.stolen,
    wallSeconds: performance.now() / 1000,
  };
}

export interface CoresUsed {
  server: number;
  database: number;
  generator: number;
  /** Everything else on the machine: a busy neighbour makes the figures unreliable. */
  others: number;
  /** Cores the hypervisor gave to other guests: the same, from outside the machine. */
  stolen: number;
}

/** Cores busy on average between two readings (1.0 = one core fully used). */
export function coresUsed(before: CpuReading, after: CpuReading): CoresUsed {
  const wall = Math.max(after.wallSeconds - before.wallSeconds, 1e-3);
  const per = (field: "server" | "database" | "generator" | "machine" | "stolen") => Math.max(0, after[field] - before[field]) / wall;
  return {
    server: per("server"),
    database: per("database"),
    generator: per("generator"),
    others: Math.max(0, per("machine") - per("server") - per("database") - per("generator")),
    stolen: per("stolen"),
  };
}
