/**
 * Where a CPU profile of the server (`pnpm bench --cpu-prof DIR`) spent its time: self
 * time by function and by package, the quickest way to see what a message costs.
 *
 *   tsx bench/realtime/profile-summary.ts DIR/CPU.*.cpuprofile [top]
 */
import { readFileSync } from "node:fs";

import { say } from "../common/terminal";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  say("usage: tsx bench/realtime/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const selfMicros = new Map<number, number>();
profile.samples.forEach((nodeId, index) => selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${shorten(url)}:${lineNumber + 1}` : "(native)";
  const name = `${functionName || "(anonymous)"}  ${where}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  byPackage.set(packageOf(url, functionName), (byPackage.get(packageOf(url, functionName)) ?? 0) + micros);
}

const print = (title: string, entries: Map<string, number>) => {
  say(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    say(`${((100 * micros) / total).toFixed(1).padStart(6)}%  ${name}`);
  }
};
say(`${(total / 1e6).toFixed(1)} s of samples`);
print("self time by package", byPackage);
print("self time by function", byFunction);

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
