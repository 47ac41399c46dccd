// Human output: grouped by file, each finding with its source line and a caret under the column.
import pc from 'picocolors';
import { describeError } from '../errors.js';
import type { Severity } from '../rules/rule.js';
import type { LintReport, Reporter } from './report.js';

type Paint = (s: string) => string;

function painter(color: boolean): Record<Severity | 'dim' | 'bold' | 'cyan', Paint> {
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

export const lintTty: Reporter<LintReport> = (report, { color }) => {
  const p = painter(color);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const file of report.files) {
    if (file.error !== null) {
      out.push(`${p.bold(file.file)}`, `  ${p.error('error')} ${describeError(file.error)}`, '');
      continue;
    }
    if (file.findings.length === 0) continue;
    out.push(p.bold(file.file));
    const lines = file.source?.split(/\r?\n/) ?? [];
    for (const f of file.findings) {
      counts[f.severity]++;
      const line = f.location.line ?? 0;
      const col = f.location.column ?? 1;
      const ids = [f.rule, ...(f.aliases ?? [])].join('/');
      const extra = [f.bytes !== undefined ? `saves ~${formatBytes(f.bytes)}` : '', f.cacheImpact ?? ''].filter(Boolean).join('; ');
      out.push(`  ${p.dim(`${line}:${col}`)} ${p[f.severity](f.severity.padEnd(7))} ${p.cyan(ids)} ${f.message}${extra ? p.dim(` (${extra})`) : ''}`);
      const text = lines[line - 1];
      if (text !== undefined && text.trim() !== '') {
        out.push(`    ${p.dim('│')} ${text}`);
        out.push(`    ${p.dim('│')} ${' '.repeat(Math.max(0, col - 1))}${p[f.severity]('^')}`);
      }
    }
    out.push('');
  }
  for (const note of report.notes) out.push(p.dim(`note: ${note}`));
  const total = counts.error + counts.warning + counts.info + counts.style;
  const errors = report.files.filter((f) => f.error !== null).length;
  const summary = `${report.files.length} file${report.files.length === 1 ? '' : 's'}: ${total} finding${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.style} style)${errors ? `, ${errors} unreadable` : ''}`;
  out.push(total === 0 && errors === 0 ? p.bold(`✓ ${summary}`) : p.bold(summary));
  return `${out.join('\n')}\n`;
};
