// `analyze --format markdown`: the same summary as a pull-request comment.
import type { AnalyzeReport } from './analyze.js';
import { budgetLine } from './analyze-tty.js';
import { formatBytes } from './tty.js';

/** A table cell: pipes and line breaks would end the cell or the table; backticks and markup stay inert. */
function cell(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([`*_<>[\]])/g, '\\$1');
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`;
}

export function renderAnalyzeMarkdown(r: AnalyzeReport): string {
  const d = r.diveCompat;
  const rc = r.reclaimable;
  const out: string[] = [`### whittle analyze: ${cell(r.image.ref)}`, ''];
  if (r.budget !== undefined) out.push(`**Budget: ${r.budget.passed ? 'PASS' : 'FAIL'}**`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Size | ${formatBytes(r.image.sizeBytes)} (${r.image.sizeBytes} bytes) in ${r.image.layerCount} layers |`);
  out.push(`| Above layer 0 | ${formatBytes(d.userSizeBytes)} |`);
  out.push(`| Efficiency (dive) | ${pct(d.efficiency)} |`);
  out.push(`| Wasted (dive) | ${formatBytes(d.wastedBytes)}, ${pct(d.userWastedPercent)} of user layers |`);
  out.push(`| Reclaimable | ${formatBytes(rc.bytes)} (${rc.bytes} bytes) |`);
  if (rc.duplicateBytes !== null) out.push(`| Duplicates | ${formatBytes(rc.duplicateBytes)} |`);
  out.push(`| Findings | ${r.findings.length} |`, '');
  if (rc.files.length > 0) {
    out.push('#### Reclaimable files', '', '| Bytes | Path | Layer | Why |', '|---:|---|---:|---|');
    for (const f of rc.files.slice(0, 20)) out.push(`| ${f.bytes} | ${cell(f.path)} | ${f.layer} | ${f.reason} |`);
    out.push('');
  }
  if (r.findings.length > 0) {
    out.push('#### Findings', '', '| Severity | Rule | Message | Where | Saves |', '|---|---|---|---|---:|');
    for (const f of r.findings) {
      const where = [f.layer === null ? '' : `layer ${f.layer}`, f.path ?? '', f.file === null ? '' : `${f.file}${f.line === null ? '' : `:${f.line}`}`].filter(Boolean).join(' ');
      out.push(`| ${f.severity} | ${cell(f.rule)} | ${cell(f.message)} | ${cell(where)} | ${f.bytes === undefined ? '' : formatBytes(f.bytes)} |`);
    }
    out.push('');
  }
  if (r.budget !== undefined) {
    out.push('#### Budget', '');
    for (const x of r.budget.results) out.push(`- ${cell(budgetLine(x))}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
