// `analyze --format tty`: a summary a person reads in ten seconds (size, user share, efficiency, waste, findings, verdict).
import pc from 'picocolors';
import type { BudgetResult } from '../budget/budget.js';
import type { AnalyzeReport } from './analyze.js';
import { formatBytes } from './tty.js';

const TOP = 5;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function clean(s: string): string {
  return s.replace(CONTROL_CHARS, '\uFFFD');
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`;
}

export function budgetLine(r: BudgetResult): string {
  const actual = r.actual === null ? 'n/a' : Number.isInteger(r.actual) ? String(r.actual) : r.actual.toPrecision(4);
  if (r.status === 'skip') return `SKIP ${r.rule}${r.limit === null ? ' (disabled)' : ' (no figure)'}`;
  return `${r.status.toUpperCase()} ${r.rule}: ${actual} (limit ${r.limitText})`;
}

export function renderAnalyzeTty(r: AnalyzeReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const d = r.diveCompat;
  const rc = r.reclaimable;
  const lines: string[] = [];
  const row = (k: string, v: string): void => {
    lines.push(`${c.bold(k.padEnd(12))}${v}`);
  };
  row('Image', `${clean(r.image.ref)} (${r.image.os}/${r.image.architecture})`);
  // The user's share: layers above the base when base detection could tell, else dive's "above layer 0".
  const known = r.layerDetails.some((l) => l.fromBase !== null);
  const userBytes = known ? r.layers.filter((l) => r.layerDetails[l.index]?.fromBase === false).reduce((n, l) => n + l.sizeBytes, 0) : d.userSizeBytes;
  const userShare = r.image.sizeBytes === 0 ? 0 : userBytes / r.image.sizeBytes;
  row('Size', `${formatBytes(r.image.sizeBytes)} in ${r.image.layerCount} layer${r.image.layerCount === 1 ? '' : 's'}; ${known ? 'your layers' : 'above layer 0'}: ${formatBytes(userBytes)} (${pct(userShare)})`);
  row('Efficiency', `${pct(d.efficiency)}  wasted ${formatBytes(d.wastedBytes)}  user wasted ${pct(d.userWastedPercent)}  ${c.dim('(as dive counts)')}`);
  const extra = [rc.metadataOnlyBytes ? `${formatBytes(rc.metadataOnlyBytes)} metadata-only re-adds` : '', rc.duplicateBytes ? `duplicates ${formatBytes(rc.duplicateBytes)} more` : ''].filter(Boolean).join('; ');
  row('Reclaimable', `${c.bold(formatBytes(rc.bytes))} stored but not visible${extra ? `; ${extra}` : ''}`);
  if (rc.files.length > 0) {
    for (const f of rc.files.slice(0, TOP)) lines.push(`  ${formatBytes(f.bytes).padStart(9)}  ${clean(f.path)}  ${c.dim(`layer ${f.layer}, ${f.reason}`)}`);
    if (rc.files.length > TOP) lines.push(c.dim(`  ... ${rc.files.length - TOP} more`));
  }
  const counts = new Map<string, number>();
  for (const f of r.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const paint = { error: c.red, warning: c.yellow, info: c.blue, style: c.magenta } as const;
  row('Findings', r.findings.length === 0 ? 'none' : (['error', 'warning', 'info', 'style'] as const).filter((s) => counts.has(s)).map((s) => paint[s](`${counts.get(s) ?? 0} ${s}`)).join(', '));
  for (const f of r.findings.slice(0, 10)) {
    const where = [f.layer === null ? '' : `layer ${f.layer}`, f.path ?? '', f.file === null ? '' : `${f.file}${f.line === null ? '' : `:${f.line}`}`].filter(Boolean).join(' ');
    const saves = f.bytes === undefined ? '' : ` saves ~${formatBytes(f.bytes)}`;
    lines.push(`  ${paint[f.severity](f.severity.padEnd(7))} ${f.rule} ${clean(f.message)}${c.dim(`${where ? ` (${clean(where)})` : ''}${saves}`)}`);
  }
  if (r.findings.length > 10) lines.push(c.dim(`  ... ${r.findings.length - 10} more (--format json lists all)`));
  if (r.budget !== undefined) {
    const fails = r.budget.results.filter((x) => x.status === 'fail').length;
    row('Budget', r.budget.passed ? c.green('PASS') : c.red(`FAIL (${fails} of ${r.budget.results.length} failed)`));
    for (const x of r.budget.results) if (x.status !== 'pass') lines.push(`  ${x.status === 'fail' ? c.red(budgetLine(x)) : c.dim(budgetLine(x))}`);
  }
  for (const n of r.notes) lines.push(c.dim(`note: ${clean(n)}`));
  return `${lines.join('\n')}\n`;
}
