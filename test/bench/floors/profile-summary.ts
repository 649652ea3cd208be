import { readFileSync } from 'node:fs';

/**
 * `node --import tsx test/bench/floors/profile-summary.ts <file.cpuprofile> [rows]`: self time by function and by package
 * of a V8 CPU profile, largest first (what to look at before opening the profile in DevTools).
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, top = '40'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inRequest = (id: number): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
    if (byId.get(at)!.callFrame.functionName === 'fetchRequestHandler') return true;
  return false;
};
// Steady state only: from the first sample inside a tRPC request on (the process's start and imports are
// the cold start's business, not the request path's).
const first = profile.samples.findIndex(inRequest);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (i >= first) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const pkg = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/packages/')) return `regie:${/packages\/([^/]+)/.exec(url)![1]}`;
  return url.startsWith('node:') ? 'node' : url ? url.split('/').slice(-2).join('/') : '(native)';
};
const sum = (key: (n: Node) => string) => {
  const out = new Map<string, number>();
  for (const [id, t] of self) {
    const k = key(byId.get(id)!);
    out.set(k, (out.get(k) ?? 0) + t);
  }
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
};
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
console.log('\nby package:');
for (const [k, t] of sum((n) => pkg(n.callFrame.url))) console.log(`${pct(t)}  ${k}`);
console.log('\nby function:');
for (const [k, t] of sum(
  (n) => `${n.callFrame.functionName || '(anonymous)'} ${pkg(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
))
  console.log(`${pct(t)}  ${k}`);
