import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Row } from './report.ts';

/**
 * The end of `npm run bench` (run.ts): the table of rows with their verdicts, printed and written into the "Latest
 * run" section of docs/benchmarks.md. A partial run (`BENCH_ONLY`) replaces only its own sections' rows and says so.
 */
export function writeBenchResults(options: {
  root: string;
  rows: Row[];
  notes: string[];
  /** The sections run, when not all (BENCH_ONLY). */
  only: string[] | undefined;
  /** Load average at the start of the run. */
  load: number;
}) {
  const { root, rows, notes, load } = options;
  const ONLY = options.only;
  const verdict = (r: Row) => {
    if (r.met !== undefined) return r.met ? 'met' : '**missed**';
    const goal = /([≤≥])\s*([\d.]+)×/.exec(r.goal);
    if (!goal || r.ratio === undefined) return '';
    const met = goal[1] === '≤' ? r.ratio <= Number(goal[2]) : r.ratio >= Number(goal[2]);
    return met ? 'met' : '**missed**';
  };
  const lines = rows.map(
    (r) =>
      `| ${r.section} | ${r.what} | ${r.measured} | ${r.baseline} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} | ${r.goal} | ${verdict(r)} |`,
  );
  const header = ['| | what | measured | baseline | ratio | goal | |', '|---|---|---|---|---|---|---|'];
  const command = `${Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_'))
    .map(([k, v]) => `${k}=${v} `)
    .join('')}npm run bench`;
  const when = `\`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'},
${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${load.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`;
  const notesText = notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : '';
  if (ONLY) {
    // A partial run replaces only its own sections' rows of the last table and says so.
    const rerun = new Set<string>(ONLY.map((name) => SECTIONS[name as keyof typeof SECTIONS]));
    const previous = latestRun(root);
    const kept = previous.rows.filter((line) => !rerun.has(line.split('|')[1]!.trim()));
    const fresh = lines.filter((line) => rerun.has(line.split('|')[1]!.trim()));
    const order = Object.values(SECTIONS) as string[];
    const merged = [...kept, ...fresh].sort(
      (a, b) => order.indexOf(a.split('|')[1]!.trim()) - order.indexOf(b.split('|')[1]!.trim()),
    );
    // A re-run supersedes the last re-run of the same sections: its line goes with its rows.
    const label = `Rows of ${[...rerun].join(', ')} re-run by`;
    const intro = previous.intro
      .split(/\n(?=Rows of )/)
      .filter((part) => !part.startsWith(label))
      .join('\n');
    writeResults(
      root,
      `## Latest run\n\n${intro}\nRows of ${[...rerun].join(', ')} re-run by ${when}\n\n${[...header, ...merged].join('\n')}\n${notesText}`,
    );
  } else writeResults(root, `## Latest run\n\n${when}\n\n${[...header, ...lines].join('\n')}\n${notesText}`);
  console.log([...header, ...lines].join('\n'));
  if (notesText) console.log(notesText);
}

/** The benchmark sections, by their BENCH_ONLY name. */
const SECTIONS = {
  scale: 'Scale',
  overhead: 'API overhead',
  floors: 'Floors',
  throughput: 'Throughput',
  isolation: 'Load and isolation',
  import: 'Import',
  faults: 'Faults',
  lambda: 'Lambda',
  web: 'Web',
  simulator: 'Simulator',
  benchmark: 'Regional benchmark',
  accessibility: 'Accessibility',
} as const;

/** The last "Latest run" of docs/benchmarks.md: its lines before the table, and its table rows. */
function latestRun(root: string): { intro: string; rows: string[] } {
  let doc = '';
  try {
    doc = readFileSync(`${root}/docs/benchmarks.md`, 'utf8');
  } catch {}
  const start = doc.indexOf('## Latest run');
  const next = doc.indexOf('\n## ', start + 1);
  const body =
    start === -1
      ? []
      : doc
          .slice(start, next === -1 ? undefined : next)
          .split('\n')
          .slice(1);
  const rows = body.filter((l) => l.startsWith('| ') && !l.startsWith('| | what'));
  const intro = body.filter((l) => !l.startsWith('|') && !l.startsWith('- ') && l.trim() !== '').join('\n');
  return { intro, rows };
}

/** Replaces the "Latest run" section of docs/benchmarks.md, keeping the hand-written text around it. */
function writeResults(root: string, section: string) {
  const file = `${root}/docs/benchmarks.md`;
  let doc = '';
  try {
    doc = readFileSync(file, 'utf8');
  } catch {}
  const start = doc.indexOf('## Latest run');
  if (start === -1) doc = `# Benchmarks\n\n${section}`;
  else {
    const next = doc.indexOf('\n## ', start + 1);
    doc = `${doc.slice(0, start)}${section}${next === -1 ? '' : doc.slice(next)}`;
  }
  writeFileSync(file, doc);
}
