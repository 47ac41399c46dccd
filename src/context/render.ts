// The context report as tty text, JSON (docs/json.md) and markdown.
import { formatBytes } from '../report/tty.js';
import type { Finding } from '../rules/rule.js';
import type { ContextReport } from './report.js';
import type { BuildOutcome } from './verify.js';

export const CONTEXT_FORMATS = ['tty', 'json', 'markdown'] as const;
export type ContextFormat = (typeof CONTEXT_FORMATS)[number];

export interface VerifyResult {
  readonly current: BuildOutcome & { readonly contextBytes: number; readonly contextFiles: number };
  readonly suggested: BuildOutcome & { readonly contextBytes: number; readonly contextFiles: number };
}

export interface RenderInput {
  readonly report: ContextReport;
  readonly context: string;
  readonly dockerfile: string | null;
  readonly ignoreFile: string | null;
  readonly notes: readonly string[];
  readonly withFiles: boolean;
  readonly verify: VerifyResult | null;
}

// Terminal escapes in file names must not repaint the user's terminal.
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}

function where(f: Finding): string {
  if (f.location.line !== undefined) return `line ${f.location.line}`;
  return f.location.path ?? '';
}

function findingJson(f: Finding, dockerfile: string | null): Record<string, unknown> {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...(f.location.line === undefined ? {} : { file: dockerfile, line: f.location.line, column: f.location.column ?? 1 }),
    ...(f.location.path === undefined ? {} : { path: f.location.path }),
    ...(f.bytes === undefined ? {} : { bytes: f.bytes }),
    ...(f.cacheImpact === undefined ? {} : { cacheImpact: f.cacheImpact }),
    docs: `https://github.com/whittle-dev/whittle/blob/main/docs/context.md#${f.rule.toLowerCase()}`,
  };
}

export function renderContextJson(input: RenderInput): string {
  const { report: r } = input;
  const out = {
    schemaVersion: r.schemaVersion,
    context: input.context,
    dockerfile: input.dockerfile,
    dockerignore: input.ignoreFile,
    sizeBytes: r.sizeBytes,
    fileCount: r.fileCount,
    ignoredBytes: r.ignoredBytes,
    ignoredCount: r.ignoredCount,
    largestFiles: r.largestFiles.map(({ path, bytes }) => ({ path, bytes })),
    largestDirs: r.largestDirs,
    copies: r.copies,
    unreadable: r.unreadable.map(({ path, reason, sent }) => ({ path, reason, sent })),
    suggestion: { added: r.suggestion.added, keptForCopy: r.suggestion.keptForCopy, sizeBytes: r.suggestion.sizeBytes, fileCount: r.suggestion.fileCount },
    findings: r.findings.map((f) => findingJson(f, input.dockerfile)),
    ...(input.verify === null ? {} : { verify: input.verify }),
    ...(input.withFiles ? { files: r.files.map(({ path, bytes }) => ({ path, bytes })) } : {}),
    notes: input.notes,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function verifyLines(v: VerifyResult): string[] {
  const one = (name: string, b: VerifyResult['current']): string =>
    `${name}: context ${formatBytes(b.contextBytes)} (${b.contextFiles} files), ${b.ok ? `built in ${b.seconds.toFixed(1)} s, image ${formatBytes(b.imageBytes ?? 0)}` : `build FAILED: ${b.error ?? ''}`}`;
  return [one('current .dockerignore  ', v.current), one('suggested .dockerignore', v.suggested)];
}

export function renderContextTty(input: RenderInput): string {
  const { report: r } = input;
  const lines: string[] = [];
  lines.push(`context ${printable(input.context)}: ${r.fileCount} files, ${formatBytes(r.sizeBytes)} sent to the builder`);
  if (input.ignoreFile !== null) lines.push(`${printable(input.ignoreFile)} excludes ${r.ignoredCount} files, ${formatBytes(r.ignoredBytes)}`);
  else lines.push('no .dockerignore: everything is sent');
  if (r.largestDirs.length > 0) {
    lines.push('', 'largest directories:');
    for (const d of r.largestDirs) lines.push(`  ${formatBytes(d.bytes).padStart(9)}  ${printable(d.path)}/ (${d.fileCount} files)`);
  }
  if (r.largestFiles.length > 0) {
    lines.push('', 'largest files:');
    for (const f of r.largestFiles) lines.push(`  ${formatBytes(f.bytes).padStart(9)}  ${printable(f.path)}`);
  }
  if (r.copies.length > 0) {
    lines.push('', 'COPY/ADD:');
    for (const c of r.copies) {
      lines.push(`  line ${c.line}: ${printable(c.instruction)}: ${c.fileCount} files, ${formatBytes(c.bytes)}`);
      if (c.unused.fileCount > 0) lines.push(`    probably unused in the image (heuristic): ${c.unused.fileCount} files, ${formatBytes(c.unused.bytes)} (${c.unused.examples.map(printable).join(', ')})`);
      if (c.invalidates.length > 0) lines.push(`    a change to its files re-runs: ${c.invalidates.map((i) => `line ${i.line}`).join(', ')}`);
    }
  }
  if (r.findings.length > 0) {
    lines.push('', 'findings:');
    for (const f of r.findings) {
      const at = f.location.line === undefined ? '' : ` line ${f.location.line}:`;
      lines.push(`  ${f.rule} ${f.severity}${at} ${printable(f.message)}`);
      if (f.cacheImpact !== undefined) lines.push(`    cache: ${f.cacheImpact}`);
    }
  }
  if (r.suggestion.added.length > 0) {
    lines.push('', `a suggested .dockerignore would send ${r.suggestion.fileCount} files, ${formatBytes(r.suggestion.sizeBytes)} (whittle context --suggest prints it)`);
  }
  if (input.verify !== null) lines.push('', 'verify (buildah):', ...verifyLines(input.verify).map((l) => `  ${l}`));
  if (input.withFiles) {
    lines.push('', 'files:');
    for (const f of r.files) lines.push(`  ${String(f.bytes).padStart(10)}  ${printable(f.path)}`);
  }
  for (const n of input.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function cell(s: string): string {
  return printable(s).replace(/\|/g, '\\|');
}

export function renderContextMarkdown(input: RenderInput): string {
  const { report: r } = input;
  const lines: string[] = [`## Build context \`${cell(input.context)}\``, ''];
  lines.push(`**${r.fileCount} files, ${formatBytes(r.sizeBytes)}** sent to the builder; .dockerignore excludes ${r.ignoredCount} files, ${formatBytes(r.ignoredBytes)}.`, '');
  if (r.findings.length > 0) {
    lines.push('| Rule | Severity | Where | Message |', '| --- | --- | --- | --- |');
    for (const f of r.findings) lines.push(`| ${f.rule} | ${f.severity} | ${cell(where(f))} | ${cell(f.message)} |`);
    lines.push('');
  }
  if (r.copies.length > 0) {
    lines.push('| Line | Instruction | Files | Bytes | Unused (heuristic) | Re-runs |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of r.copies) lines.push(`| ${c.line} | \`${cell(c.instruction)}\` | ${c.fileCount} | ${formatBytes(c.bytes)} | ${formatBytes(c.unused.bytes)} | ${c.invalidates.length} |`);
    lines.push('');
  }
  if (input.verify !== null) lines.push(...verifyLines(input.verify).map((l) => `- ${cell(l)}`), '');
  if (input.withFiles) {
    lines.push('| Bytes | Path |', '| --- | --- |');
    for (const f of r.files) lines.push(`| ${f.bytes} | ${cell(f.path)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderContext(format: ContextFormat, input: RenderInput): string {
  if (format === 'json') return renderContextJson(input);
  if (format === 'markdown') return renderContextMarkdown(input);
  return renderContextTty(input);
}
