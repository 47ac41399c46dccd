// The ShellCheck scripts of a Dockerfile (one per shell-form RUN, with the shell and variables in scope)
// and the mapping of ShellCheck's json1 comments back to Dockerfile findings. Running the tool is the CLI's job.
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { DEFAULT_SHELL } from '../dockerfile/model.js';
import { LineIndex, joinContinuations } from '../dockerfile/parse.js';
import type { Finding, Severity } from './rule.js';

/**
 * Codes never reported: 2187 (ash is checked as dash) is about our shebang, not the user's script;
 * 1090 and 1091 (cannot follow `source`) can only be silenced by a shell directive no Dockerfile can hold.
 */
export const EXCLUDED_CODES: readonly number[] = [1090, 1091, 2187];

/** Build arguments Docker predefines: a RUN may use them without declaring an ARG. */
export const PREDEFINED_VARIABLES: readonly string[] = [
  'ALL_PROXY', 'FTP_PROXY', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY',
  'all_proxy', 'ftp_proxy', 'http_proxy', 'https_proxy', 'no_proxy',
];

/** From column `from` on (1-based, in the script line), characters sit at Dockerfile `line`, `column` onwards. */
export interface ScriptSegment {
  readonly from: number;
  readonly line: number;
  readonly column: number;
}

export interface ShellcheckScript {
  /** The RUN, or the RUN trigger of an ONBUILD, the script comes from. */
  readonly instruction: Instruction;
  /**
   * Exactly what ShellCheck reads: shebang, `export NAME` lines, then the script. No value is given (hadolint
   * writes `NAME=1`): a known literal would tell ShellCheck the value cannot split, hiding SC2086 on build args.
   */
  readonly text: string;
  /** Per script line (index 0 is line 1): where its characters sit in the Dockerfile; empty for lines whittle added. */
  readonly lines: readonly (readonly ScriptSegment[])[];
}

/** Shells ShellCheck understands, by the basename of the interpreter. */
const DIALECTS = new Set(['sh', 'bash', 'dash', 'ksh', 'ash']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SHELL_PRAGMA = /^(?:hadolint|whittle)\s+shell\s*=\s*(\S+)/i;
// The same heredoc opener parse.ts recognises: a RUN whose first line holds only these runs the body.
const HEREDOC_OPENER = /<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/g;

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The shebang that makes ShellCheck read a script as `shell` would run it, or null when ShellCheck cannot
 * check that shell (PowerShell, cmd, zsh, python...): reporting "unsupported shell" on every RUN helps nobody.
 */
export function shebangFor(shell: readonly string[]): string | null {
  const [program, ...rest] = shell;
  if (program === undefined) return null;
  let name = basename(program);
  if (name === 'env') {
    const target = rest.find((w) => !w.startsWith('-'));
    if (target === undefined) return null;
    name = basename(target);
  } else if (name === 'busybox') {
    // `busybox sh -c` is busybox's ash.
    return rest[0] === 'sh' || rest[0] === 'ash' ? '#!/bin/ash' : null;
  }
  if (!DIALECTS.has(name)) return null;
  // A bare `bash` would draw SC2239 (shebang not absolute) against a line the user never wrote.
  return program.startsWith('/') && name === basename(program) ? `#!${program}` : `#!/usr/bin/env ${name}`;
}

/** The shell a heredoc's own `#!` line names (it runs as a file), as SHELL-like words. */
function shebangWords(line: string): string[] {
  return line.slice(2).trim().split(/\s+/).filter((w) => w !== '');
}

/** A script line with the source offset of each of its characters. */
interface Mapped {
  readonly text: string;
  readonly offsets: readonly number[];
  /** Where the line starts in the source, for a line with no characters. */
  readonly start: number;
}

/** The RUN's arguments joined as the parser joins them, split into lines that remember each character's offset. */
function joinWithOffsets(source: string, start: number, end: number, escape: string, withBodies: boolean): Mapped[] {
  const joined = joinContinuations(source, start, end, escape, withBodies);
  const out: Mapped[] = [];
  let from = 0;
  for (const line of joined.text.split('\n')) {
    const offsets = Array.from({ length: line.length }, (_, k) => joined.at(from + k));
    // An empty line starts where its newline sits.
    out.push({ text: line, offsets, start: line.length > 0 ? (offsets[0] ?? end) : from < joined.text.length ? joined.at(from) : end });
    from += line.length + 1;
  }
  return out;
}

function segmentsOf(mapped: Mapped, lines: LineIndex): ScriptSegment[] {
  if (mapped.offsets.length === 0) return [{ from: 1, ...lines.position(mapped.start) }];
  const segments: ScriptSegment[] = [];
  let previous = -2;
  for (const [i, offset] of mapped.offsets.entries()) {
    if (offset !== previous + 1) segments.push({ from: i + 1, ...lines.position(offset) });
    previous = offset;
  }
  return segments;
}

interface ScriptBody {
  /** The body's own `#!` line when it is a heredoc that names its interpreter. */
  readonly shebang: Mapped | null;
  readonly lines: readonly Mapped[];
}

/** The text Docker hands the shell for this RUN, line by line with source offsets. */
function bodyOf(run: Instruction, lines: LineIndex, escape: string): ScriptBody {
  const firstLine = run.args.split('\n')[0] ?? '';
  if (run.heredocs.length > 0 && firstLine.replace(HEREDOC_OPENER, '').trim() === '') {
    // `RUN <<EOF`: the bodies are the script; `<<-` stripped leading tabs, which columns must skip.
    const out: Mapped[] = [];
    for (const doc of run.heredocs) {
      const bodyLines = doc.body.split('\n').slice(0, -1);
      for (const [n, text] of bodyLines.entries()) {
        const lineStart = lines.offset(doc.bodyLine + n - 1, 0);
        let skip = 0;
        if (doc.chompTabs) while (lines.text[lineStart + skip] === '\t') skip++;
        out.push({ text, offsets: Array.from({ length: text.length }, (_u, i) => lineStart + skip + i), start: lineStart + skip });
      }
    }
    const first = out[0];
    if (first?.text.startsWith('#!')) return { shebang: first, lines: out.slice(1) };
    return { shebang: null, lines: out };
  }
  const joined = joinWithOffsets(lines.text, run.argsStart, run.span.end, escape, run.heredocs.length > 0);
  if (joined.map((m) => m.text).join('\n') === run.args) return { shebang: null, lines: joined };
  // Should not happen: the join above mirrors parse.ts. Keep the text Docker runs and point at the RUN's line.
  const at = lines.offset(run.span.line - 1, 0) + run.span.column - 1;
  return { shebang: null, lines: run.args.split('\n').map((text) => ({ text, offsets: Array.from({ length: text.length }, () => at), start: at })) };
}

function buildScript(run: Instruction, shell: readonly string[], vars: ReadonlySet<string>, lines: LineIndex, escape: string): ShellcheckScript | null {
  if (run.json !== null) return null;
  const body = bodyOf(run, lines, escape);
  let shebang: string | null;
  if (body.shebang === null) shebang = shebangFor(shell);
  else shebang = shebangFor(shebangWords(body.shebang.text)) === null ? null : body.shebang.text;
  if (shebang === null || body.lines.every((l) => l.text.trim() === '')) return null;
  const names = [...new Set([...PREDEFINED_VARIABLES, ...vars])].filter((v) => IDENTIFIER.test(v)).sort();
  const text = [shebang, ...names.map((n) => `export ${n}`), ...body.lines.map((l) => l.text)].join('\n');
  return {
    instruction: run,
    text: `${text}\n`,
    lines: [
      body.shebang === null ? [] : segmentsOf(body.shebang, lines),
      ...names.map(() => []),
      ...body.lines.map((l) => segmentsOf(l, lines)),
    ],
  };
}

interface Scope {
  shell: readonly string[];
  /** ARG and ENV names a RUN of this stage sees. */
  readonly vars: Set<string>;
  /** ENV names only: these persist into the image, so child stages and ONBUILD triggers see them. */
  readonly env: Set<string>;
  onbuildShell: readonly string[] | null;
  readonly onbuildVars: Set<string>;
}

function scope(shell: readonly string[], env: Iterable<string> = []): Scope {
  return { shell, vars: new Set(env), env: new Set(env), onbuildShell: null, onbuildVars: new Set() };
}

function names(ins: Instruction): string[] {
  return (ins.pairs ?? []).map((p) => p.key);
}

/**
 * One script per shell-form RUN and ONBUILD RUN, in order. A stage starts with `/bin/sh -c` (or what a
 * `# hadolint shell=` pragma before the first FROM names) and no variables, unless it builds on an earlier
 * stage: then it inherits that stage's SHELL and ENV names (not its ARGs, which do not outlive a stage).
 */
export function shellcheckScripts(df: Dockerfile): ShellcheckScript[] {
  const lines = new LineIndex(df.source);
  const escape = df.directives.escape;
  const pragmas = df.comments.flatMap((c) => {
    const m = SHELL_PRAGMA.exec(c.text);
    return m?.[1] === undefined ? [] : [{ line: c.line, shell: [m[1]] }];
  });
  let defaultShell: readonly string[] = DEFAULT_SHELL;
  let sawFrom = false;
  let current = scope(defaultShell);
  const stages: Scope[] = [];
  const scripts: ShellcheckScript[] = [];
  const emit = (run: Instruction, shell: readonly string[], vars: ReadonlySet<string>): void => {
    const script = buildScript(run, shell, vars, lines, escape);
    if (script !== null) scripts.push(script);
  };
  let p = 0;
  for (const ins of df.instructions) {
    for (; p < pragmas.length && (pragmas[p]?.line ?? 0) < ins.span.line; p++) {
      const shell = pragmas[p]?.shell ?? DEFAULT_SHELL;
      if (!sawFrom) defaultShell = shell;
      current.shell = shell;
    }
    switch (ins.keyword) {
      case 'FROM': {
        sawFrom = true;
        const parent = ins.from?.parentStage;
        const base = parent === null || parent === undefined ? undefined : stages[parent];
        current = base ? scope(base.shell, base.env) : scope(defaultShell);
        stages[ins.stage] = current;
        break;
      }
      case 'ARG':
        for (const n of names(ins)) current.vars.add(n);
        break;
      case 'ENV':
        for (const n of names(ins)) {
          current.vars.add(n);
          current.env.add(n);
        }
        break;
      case 'SHELL':
        if (ins.json !== null && ins.json.length > 0) current.shell = ins.json;
        break;
      case 'RUN':
        emit(ins, current.shell, current.vars);
        break;
      case 'ONBUILD': {
        // Triggers run in a child image: it has this image's SHELL and ENV, plus earlier ONBUILD ARG/ENV/SHELL.
        const t = ins.trigger;
        if (t === null) break;
        if (t.keyword === 'ARG' || t.keyword === 'ENV') for (const n of names(t)) current.onbuildVars.add(n);
        else if (t.keyword === 'SHELL' && t.json !== null && t.json.length > 0) current.onbuildShell = t.json;
        else if (t.keyword === 'RUN') emit(t, current.onbuildShell ?? current.shell, new Set([...current.env, ...current.onbuildVars]));
        break;
      }
      default:
        break;
    }
  }
  return scripts;
}

/** Where 1-based `line`, `column` of the script sit in the Dockerfile; null on lines whittle added. */
export function scriptPosition(script: ShellcheckScript, line: number, column: number): { line: number; column: number } | null {
  if (line === script.lines.length + 1) {
    // End of input ("expected `fi`"): ShellCheck points past the final newline; that is the end of the last line.
    const lastText = script.text.split('\n')[script.lines.length - 1] ?? '';
    return scriptPosition(script, script.lines.length, lastText.length + 1);
  }
  const segments = script.lines[line - 1];
  if (segments === undefined || segments.length === 0) return null;
  let seg = segments[0] as ScriptSegment;
  for (const s of segments) if (s.from <= column) seg = s;
  return { line: seg.line, column: seg.column + column - seg.from };
}

const LEVELS: Readonly<Record<string, Severity>> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

interface Json1Comment {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly level: string;
  readonly code: number;
  readonly message: string;
}

function isComment(v: unknown): v is Json1Comment {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.line === 'number' && typeof c.column === 'number' && typeof c.level === 'string'
    && typeof c.code === 'number' && typeof c.message === 'string';
}

/** ShellCheck counts columns in code points; JavaScript strings in UTF-16 units. */
function utf16Column(script: ShellcheckScript, line: number, column: number): number {
  const text = script.text.split('\n')[line - 1] ?? '';
  if (!/[\uD800-\uDBFF]/.test(text)) return column;
  const points = Array.from(text);
  return points.slice(0, column - 1).join('').length + 1 + Math.max(0, column - 1 - points.length);
}

/** ShellCheck's `-f json1` output for `script` as findings at Dockerfile lines; comments on whittle's lines are dropped. */
export function toFindings(script: ShellcheckScript, output: string): Result<Finding[]> {
  const where = { line: script.instruction.span.line };
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    return err(new WhittleError('TOOL', 'shellcheck printed something other than json1 output', where));
  }
  const comments = (parsed as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(comments) || !comments.every(isComment)) {
    return err(new WhittleError('TOOL', 'unexpected shellcheck json1 output (no "comments" list)', where));
  }
  const findings: Finding[] = [];
  for (const c of comments) {
    if (EXCLUDED_CODES.includes(c.code)) continue;
    const start = scriptPosition(script, c.line, utf16Column(script, c.line, c.column));
    if (start === null) continue;
    const endLine = c.endLine ?? c.line;
    const endColumn = c.endColumn ?? c.column;
    // The end is exclusive: map its last character, so an end just past a joined continuation stays on its line.
    const last = endLine > c.line || endColumn > c.column ? scriptPosition(script, endLine, utf16Column(script, endLine, endColumn) - 1) : null;
    findings.push({
      rule: `SC${c.code}`,
      severity: LEVELS[c.level] ?? 'error',
      message: c.message,
      location: last === null ? { ...start } : { ...start, endLine: last.line, endColumn: last.column + 1 },
    });
  }
  return ok(findings);
}
