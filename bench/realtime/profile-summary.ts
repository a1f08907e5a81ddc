/**
 * Where a profile of the server went, by function and by package: a CPU profile
 * (`pnpm bench --cpu-prof DIR`) by self time, the quickest way to see what a message
 * costs; a heap profile (`pnpm bench --heap-prof DIR`) by the bytes that outlived young
 * collections, what fills the old generation and so what full collections cost.
 *
 *   tsx bench/realtime/profile-summary.ts DIR/server-*.cpuprofile [top]
 *   tsx bench/realtime/profile-summary.ts DIR/server-*.heapprofile [top]
 */
import { readFileSync } from "node:fs";

import { say } from "../common/terminal";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  samples: number[];
  timeDeltas: number[];
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children?: HeapNode[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  say("usage: tsx bench/realtime/profile-summary.ts <file.cpuprofile | file.heapprofile> [top]");
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as unknown;
const isHeap = file.endsWith(".heapprofile");
const amounts = isHeap ? heapBytes((profile as { head: HeapNode }).head) : cpuMicros(profile as CpuProfile);
const total = amounts.reduce((sum, [, amount]) => sum + amount, 0);

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const [{ functionName, url, lineNumber }, amount] of amounts) {
  if (!amount) continue;
  const where = url ? `${shorten(url)}:${lineNumber + 1}` : "(native)";
  const name = `${functionName || "(anonymous)"}  ${where}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + amount);
  byPackage.set(packageOf(url, functionName), (byPackage.get(packageOf(url, functionName)) ?? 0) + amount);
}

const what = isHeap ? "bytes kept past young collections" : "self time";
const print = (title: string, entries: Map<string, number>) => {
  say(`\n${title}`);
  for (const [name, amount] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    say(`${((100 * amount) / total).toFixed(1).padStart(6)}%  ${name}`);
  }
};
say(isHeap ? `${(total / 2 ** 20).toFixed(1)} MB sampled` : `${(total / 1e6).toFixed(1)} s of samples`);
print(`${what} by package`, byPackage);
print(`${what} by function`, byFunction);

/** Each node's self time, in microseconds. */
function cpuMicros(cpu: CpuProfile): Array<[CallFrame, number]> {
  const selfMicros = new Map<number, number>();
  cpu.samples.forEach((nodeId, index) => selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (cpu.timeDeltas[index] ?? 0)));
  return cpu.nodes.map((node) => [node.callFrame, selfMicros.get(node.id) ?? 0]);
}

/** Each allocation site's sampled bytes. */
function heapBytes(head: HeapNode): Array<[CallFrame, number]> {
  const sites: Array<[CallFrame, number]> = [];
  const walk = (node: HeapNode) => {
    sites.push([node.callFrame, node.selfSize]);
    node.children?.forEach(walk);
  };
  walk(head);
  return sites;
}

function shorten(url: string): string {
  const pnpm = url.lastIndexOf("/node_modules/");
  if (pnpm >= 0) return url.slice(pnpm + "/node_modules/".length);
  const repo = url.indexOf("/packages/") >= 0 ? url.indexOf("/packages/") : url.indexOf("/apps/");
  return repo >= 0 ? url.slice(repo + 1) : url.replace(/^file:\/\//, "");
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName === "(garbage collector)" ? "(garbage collector)" : functionName === "(idle)" ? "(idle)" : "(native and runtime)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const [scopeOrName, name] = url.slice(modules + "/node_modules/".length).split("/");
    return scopeOrName!.startsWith("@") ? `${scopeOrName}/${name}` : scopeOrName!;
  }
  const match = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (match) return `@parley/${match[2]}`;
  return url.startsWith("node:") ? "node (built-in)" : url;
}
