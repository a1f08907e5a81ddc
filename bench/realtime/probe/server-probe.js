// Loaded into a server under test with `--expose-gc --import`; it changes nothing else.
// - SIGUSR2: collect garbage fully, then write the process's memory use to the file named
//   by BENCH_MEMORY_REPORT, so the bench reads memory after a settle, not mid-garbage.
// - SIGWINCH (with BENCH_CPU_PROFILE_DIR): start a CPU profile, or stop it and write it
//   there, so a profile covers the measured run alone, not start-up. (Node 20 refuses
//   --cpu-prof in NODE_OPTIONS, and the server is started by its own test helper.)
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import process from "node:process";
import { setTimeout } from "node:timers";
import { isMainThread } from "node:worker_threads";

const reportPath = process.env.BENCH_MEMORY_REPORT;
const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
const collect = globalThis.gc;

// Handlers are installed whenever their output is asked for, so the signals never kill the server.
if (isMainThread && reportPath) {
  const collectIfExposed = () => (typeof collect === "function" ? collect() : undefined);
  process.on("SIGUSR2", () => {
    collectIfExposed();
    // A second pass after a tick frees what finalizers released in the first.
    setTimeout(() => {
      collectIfExposed();
      writeFileSync(reportPath, JSON.stringify({ writtenAt: Date.now(), ...process.memoryUsage() }));
    }, 50);
  });
}

if (isMainThread && profileDir) {
  let session = null;
  process.on("SIGWINCH", () => {
    if (!session) {
      session = new Session();
      session.connect();
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    const running = session;
    session = null;
    running.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(profileDir, `server-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
      running.disconnect();
    });
  });
}
