// Loaded into a server under test with `--expose-gc --import`; it changes nothing else.
// - SIGUSR2: collect garbage fully, then write the process's memory use to the file named
//   by BENCH_MEMORY_REPORT, so the bench reads memory after a settle, not mid-garbage.
//   When the file named by BENCH_PROBE_COMMAND says "stalls" instead, write how long the
//   event loop was held up and the garbage collector's pauses since the last such report
//   to BENCH_STALL_REPORT, and start counting afresh: what stretches the latency tail.
// - SIGWINCH (with BENCH_CPU_PROFILE_DIR, BENCH_HEAP_PROFILE_DIR or both): start a CPU
//   profile and a sampling heap profile, or stop them and write them there, so a profile
//   covers the measured run alone, not start-up. (Node 20 refuses --cpu-prof in
//   NODE_OPTIONS, and the server is started by its own test helper.) The heap profile
//   keeps what outlived young collections (`includeObjectsCollectedByMajorGC`): the
//   garbage that fills the old generation, which full collections, the longest pauses,
//   then have to clear; what died young is left out, being nearly free.
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import process from "node:process";
import { setTimeout } from "node:timers";
import { isMainThread } from "node:worker_threads";

const reportPath = process.env.BENCH_MEMORY_REPORT;
const stallReportPath = process.env.BENCH_STALL_REPORT;
const commandPath = process.env.BENCH_PROBE_COMMAND;
const cpuProfileDir = process.env.BENCH_CPU_PROFILE_DIR;
const heapProfileDir = process.env.BENCH_HEAP_PROFILE_DIR;
const collect = globalThis.gc;

// Handlers are installed whenever their output is asked for, so the signals never kill the server.
if (isMainThread && reportPath) {
  const collectIfExposed = () => (typeof collect === "function" ? collect() : undefined);
  const stalls = stallReportPath ? watchStalls() : null;
  process.on("SIGUSR2", () => {
    if (stalls && commandOf() === "stalls") {
      writeFileSync(stallReportPath, JSON.stringify({ writtenAt: Date.now(), ...stalls.takeReport() }));
      return;
    }
    collectIfExposed();
    // A second pass after a tick frees what finalizers released in the first.
    setTimeout(() => {
      collectIfExposed();
      writeFileSync(reportPath, JSON.stringify({ writtenAt: Date.now(), ...process.memoryUsage() }));
    }, 50);
  });
}

if (isMainThread && (cpuProfileDir || heapProfileDir)) {
  let session = null;
  process.on("SIGWINCH", () => {
    if (!session) {
      session = new Session();
      session.connect();
      if (cpuProfileDir) session.post("Profiler.enable", () => session.post("Profiler.start"));
      if (heapProfileDir) session.post("HeapProfiler.startSampling", { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true });
      return;
    }
    const running = session;
    session = null;
    const stopped = [];
    if (cpuProfileDir) stopped.push(stop(running, "Profiler.stop", cpuProfileDir, "cpuprofile"));
    if (heapProfileDir) stopped.push(stop(running, "HeapProfiler.stopSampling", heapProfileDir, "heapprofile"));
    void Promise.all(stopped).then(() => running.disconnect());
  });
}

/** Stops one profiler of the session and writes its profile into `dir`. */
function stop(session, method, dir, extension) {
  return new Promise((resolve) => {
    session.post(method, (error, result) => {
      if (!error) writeFileSync(path.join(dir, `server-${Date.now()}.${extension}`), JSON.stringify(result.profile));
      resolve();
    });
  });
}

function commandOf() {
  try {
    return commandPath ? readFileSync(commandPath, "utf8").trim() : "memory";
  } catch {
    return "memory";
  }
}

/** Event-loop delay (sampled every 10 ms) and garbage-collection pauses, since the last report. */
function watchStalls() {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  return {
    takeReport() {
      const toMs = (nanoseconds) => nanoseconds / 1e6;
      const report = {
        loopDelayP99Ms: toMs(loop.percentile(99)),
        loopDelayMaxMs: toMs(loop.max),
        gcPauses: gc.count,
        gcTotalMs: gc.totalMs,
        gcMaxMs: gc.maxMs,
      };
      loop.reset();
      gc = { count: 0, totalMs: 0, maxMs: 0 };
      return report;
    },
  };
}
