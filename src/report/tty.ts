// Human output: grouped by file, each finding with its source line and a caret under the column.
import pc from 'picocolors';
import type { Finding, Severity } from '../rules/rule.js';
import { SEVERITIES } from '../rules/rule.js';
import { redactSourceLine } from '../rules/secret-patterns.js';
import type { LintFileResult, LintReport, Reporter } from './report.js';

type Paint = (s: string) => string;
type Painter = Record<Severity | 'dim' | 'bold' | 'cyan', Paint>;

function painter(color: boolean): Painter {
  const c = pc.createColors(color);
  return { error: c.red, warning: c.yellow, info: c.blue, style: c.magenta, dim: c.dim, bold: c.bold, cyan: c.cyan };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u] ?? 'TiB'}`;
}

// A Dockerfile or message could carry terminal escape sequences; printed raw they would repaint the
// user's terminal. Control characters other than tab are shown as U+FFFD instead.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function printable(text: string): string {
  return text.replace(CONTROL_CHARS, '\uFFFD');
}

/** The source line and a caret under `column`, copying the line's tabs so the caret lines up under them. */
function quote(p: Painter, lines: readonly string[], line: number | undefined, column: number, paint: Paint): string[] {
  if (line === undefined) return [];
  const text = lines[line - 1];
  if (text === undefined || text.trim() === '') return [];
  // The line may hold the very secret a finding is about: quote it masked, like every output.
  const shown = printable(redactSourceLine(text));
  const before = printable(redactSourceLine(text.slice(0, Math.max(0, column - 1))));
  const pad = [...before].map((ch) => (ch === '\t' ? '\t' : ' ')).join('');
  return [`    ${p.dim('│')} ${shown}`, `    ${p.dim('│')} ${pad}${paint('^')}`];
}

function findingLines(p: Painter, lines: readonly string[], f: Finding): string[] {
  const line = f.location.line;
  const col = f.location.column ?? 1;
  const ids = [f.rule, ...(f.aliases ?? [])].join('/');
  const extra = [f.bytes !== undefined ? `saves ~${formatBytes(f.bytes)}` : '', f.cacheImpact ?? ''].filter(Boolean).join('; ');
  // A multi-line message keeps its shape, indented under the first line.
  const message = printable(f.message.replace(/\r\n/g, '\n')).replace(/\n/g, '\n          ');
  const head = `  ${p.dim(line === undefined ? '-' : `${line}:${col}`)} ${p[f.severity](f.severity.padEnd(7))} ${p.cyan(ids)} ${message}`;
  return [`${head}${extra ? p.dim(` (${printable(extra)})`) : ''}`, ...quote(p, lines, line, col, p[f.severity])];
}

function fileLines(p: Painter, file: LintFileResult): string[] {
  const lines = file.source?.split(/\r?\n/) ?? [];
  if (file.error !== null) {
    const line = file.error.where.line;
    return [
      p.bold(printable(file.file)),
      `  ${p.dim(line === undefined ? '-' : String(line))} ${p.error('error  ')} ${printable(file.error.message.replace(/\s*\n\s*/g, ' '))}`,
      ...quote(p, lines, line, 1, p.error),
      '',
    ];
  }
  if (file.findings.length === 0) return [];
  return [p.bold(printable(file.file)), ...file.findings.flatMap((f) => findingLines(p, lines, f)), ''];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const lintTty: Reporter<LintReport> = (report, { color }) => {
  const p = painter(color);
  const out = report.files.flatMap((f) => fileLines(p, f));
  for (const note of report.notes) out.push(p.dim(`note: ${printable(note)}`));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const file of report.files) for (const f of file.findings) counts[f.severity]++;
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const unreadable = report.files.filter((f) => f.error !== null).length;
  const bySeverity = SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
  const summary = `${plural(report.files.length, 'file')}: ${plural(total, 'finding')} (${bySeverity})${unreadable ? `, ${unreadable} not linted` : ''}`;
  out.push(total === 0 && unreadable === 0 ? p.bold(`✓ ${summary}`) : p.bold(summary));
  return `${out.join('\n')}\n`;
};
