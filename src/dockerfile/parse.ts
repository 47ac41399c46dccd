// Dockerfile text -> whittle's frozen model. dockerfile-ast finds instructions, comments and directives;
// this wrapper joins continuations, reads flags, JSON form and heredocs itself (where the library is weak)
// and rejects what is not a Dockerfile with an error naming the file and line.
import { DockerfileParser } from 'dockerfile-ast';
import type { Instruction as AstInstruction, Property } from 'dockerfile-ast';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { DEFAULT_SHELL } from './model.js';
import type {
  Comment, CopyDetails, Dockerfile, Flag, FromDetails, Heredoc, Instruction, KeyValue, Mount, RunDetails, Span, Stage,
} from './model.js';
import { parseShell } from './shell.js';

export const KEYWORDS: readonly string[] = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD']);

/** Decode a file's bytes as UTF-8, naming the line of the first invalid byte or refusing binary data. */
export function decodeDockerfile(bytes: Uint8Array, file: string): Result<string> {
  if (bytes.length === 0) return err(new WhittleError('NOT_A_DOCKERFILE', 'empty file, no instructions', { file }));
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return err(new WhittleError('NOT_A_DOCKERFILE', 'binary file (NUL byte), not a Dockerfile', { file, line: lineOfByte(bytes, nul) }));
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    let bad = 0;
    for (let i = 0; i <= bytes.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i));
        bad = i;
      } catch {
        break;
      }
    }
    return err(new WhittleError('PARSE', 'invalid UTF-8', { file, line: lineOfByte(bytes, bad) }));
  }
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Line starts of a text: offsets to 1-based line/column and back. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  offset(line0: number, char: number): number {
    return (this.starts[line0] ?? this.text.length) + char;
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start, end };
  }
}

/** Arguments text with continuations joined, plus where each joined character sits in the source. */
export interface Joined {
  readonly text: string;
  /** Source offset of joined-text offset i (past the end maps to the end of the instruction). */
  readonly at: (i: number) => number;
  /** Offset in `text` where heredoc bodies begin (text.length when none). */
  readonly bodyStart: number;
}

// Runs of joined text copied verbatim from the source: text[textStart..] came from source[srcStart..].
interface Segment {
  readonly textStart: number;
  readonly srcStart: number;
}

/**
 * Join an instruction's arguments (source[start, end)) as BuildKit does: `escape` + newline pairs removed,
 * comment and blank lines inside the continuation dropped; with `withBodies`, the heredoc bodies after the
 * first line follow verbatim (CRLF read as LF). The one place that knows this; fixes and ShellCheck map
 * positions back through `at`.
 */
export function joinContinuations(source: string, start: number, end: number, escape: string, withBodies: boolean): Joined {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let runStart = start;
  const flush = (to: number): void => {
    if (to > runStart) {
      segments.push({ textStart: length, srcStart: runStart });
      parts.push(source.slice(runStart, to));
      length += to - runStart;
    }
  };
  let i = start;
  // First logical line: join `escape\n`, drop comment-only and empty lines inside the continuation.
  while (i < end) {
    const ch = source.charCodeAt(i);
    if (ch === escape.charCodeAt(0)) {
      let j = i + 1;
      while (j < end && (source[j] === ' ' || source[j] === '\t' || source[j] === '\r')) j++;
      if (j >= end || source[j] === '\n') {
        flush(i);
        i = j + 1;
        for (;;) {
          let k = i;
          while (k < end && (source[k] === ' ' || source[k] === '\t')) k++;
          if (k < end && source[k] === '#') {
            while (k < end && source[k] !== '\n') k++;
            i = k + 1;
          } else if (k < end && (source[k] === '\n' || source[k] === '\r')) {
            i = source[k] === '\r' ? k + 2 : k + 1;
          } else break;
        }
        runStart = i;
        continue;
      }
    }
    if (ch === 10 || (ch === 13 && source.charCodeAt(i + 1) === 10)) break;
    i++;
  }
  flush(Math.min(i, end));
  const bodyStart = length;
  if (withBodies && i < end) {
    runStart = i;
    for (let k = source.indexOf('\r\n', i); k >= 0 && k < end; k = source.indexOf('\r\n', k + 2)) {
      flush(k);
      runStart = k + 1;
    }
    flush(end);
  }
  const text = parts.join('');
  const stop = Math.min(i, end);
  const at = (pos: number): number => {
    if (pos >= length) return pos === bodyStart ? stop : end;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid]?.textStart ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo];
    return seg === undefined ? end : seg.srcStart + (pos - seg.textStart);
  };
  return { text, at, bodyStart };
}

const HEREDOC_RE = /<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/g;

/** The text with the inside of '...' and "..." blanked (same length), so markers in quotes are not seen. */
function maskQuotes(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === null) {
      if ((ch === '"' || ch === "'") && !isHeredocQuote(text, i)) quote = ch;
      out += ch;
    } else if (ch === quote) {
      quote = null;
      out += ch;
    } else out += ch === '\n' ? ch : ' ';
  }
  return out;
}

// The quotes of a quoted heredoc delimiter (`<<"EOF"`, `<<-'EOF'`) are part of the marker.
function isHeredocQuote(text: string, i: number): boolean {
  return /<<-?\s*$/.test(text.slice(Math.max(0, i - 8), i)) || /<<-?\s*(["'])[A-Za-z0-9_.-]+$/.test(text.slice(Math.max(0, i - 80), i));
}

function findHeredocs(firstLine: string, body: string, bodyLine: number): { docs: Heredoc[]; unterminated: string | null } {
  const docs: Heredoc[] = [];
  const lines = body.split('\n');
  let cursor = 0;
  for (const m of firstLine.matchAll(HEREDOC_RE)) {
    const chomp = m[1] === '-';
    const name = m[3] ?? '';
    const startLine = cursor;
    let endLine = -1;
    for (let l = cursor; l < lines.length; l++) {
      const line = lines[l] ?? '';
      const candidate = chomp ? line.replace(/^\t+/, '') : line;
      if (candidate === name) {
        endLine = l;
        break;
      }
    }
    if (endLine < 0) return { docs, unterminated: name };
    let bodyLines = lines.slice(startLine, endLine);
    if (chomp) bodyLines = bodyLines.map((l) => l.replace(/^\t+/, ''));
    docs.push({
      name,
      body: bodyLines.length ? `${bodyLines.join('\n')}\n` : '',
      chompTabs: chomp,
      quoted: m[2] !== '',
      bodyLine: bodyLine + startLine,
    });
    cursor = endLine + 1;
  }
  return { docs, unterminated: null };
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokens(text: string, from = 0): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function parseMount(value: string): Mount {
  const options: Record<string, string> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) options[part.trim()] = 'true';
    else options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const target = options.target ?? options.dst ?? options.destination ?? null;
  return { type: options.type ?? 'bind', target, options };
}

function parseJsonArray(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith('[')) return null;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch {
    return null;
  }
  return null;
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

interface Ctx {
  readonly file: string;
  readonly source: string;
  readonly index: LineIndex;
  readonly escape: string;
  readonly stageNames: Map<string, number>;
}

function convert(ast: AstInstruction, ctx: Ctx, stage: number, isTrigger: boolean): Result<Instruction> {
  const { index, source } = ctx;
  const range = ast.getRange();
  const start = index.offset(range.start.line, range.start.character);
  const end = index.offset(range.end.line, range.end.character);
  const kwRange = ast.getInstructionRange();
  const kwEnd = index.offset(kwRange.end.line, kwRange.end.character);
  const rawKeyword = ast.getInstruction();
  const keyword = rawKeyword.toUpperCase();
  const span = index.span(start, end);
  const where = { file: ctx.file, line: span.line };
  if (!KEYWORDS.includes(keyword)) {
    return err(new WhittleError('PARSE', `unknown instruction "${rawKeyword}"`, where));
  }
  let heredocCapable = false;
  let joined = joinContinuations(source, kwEnd, end, ctx.escape, false);
  if (HEREDOC_KEYWORDS.has(keyword) && joined.text.includes('<<')) {
    // `<<EOF` inside quotes (`echo "<<EOF"`) is text, not a heredoc.
    heredocCapable = new RegExp(HEREDOC_RE.source).test(maskQuotes(joined.text));
    if (heredocCapable) joined = joinContinuations(source, kwEnd, end, ctx.escape, true);
  }
  const firstLine = joined.text.slice(0, joined.bodyStart);
  const at = joined.at;

  // Flags: leading `--name[=value]` words.
  const flags: Flag[] = [];
  const toks = tokens(firstLine);
  let argTok = 0;
  for (const t of toks) {
    if (!t.text.startsWith('--') || t.text.length < 3 || keyword === 'ONBUILD') break;
    const eq = t.text.indexOf('=');
    flags.push({
      name: t.text.slice(2, eq < 0 ? undefined : eq),
      value: eq < 0 ? null : unquote(t.text.slice(eq + 1)),
      span: index.span(at(t.start), at(t.end - 1) + 1),
    });
    argTok++;
  }
  const argsFrom = toks[argTok]?.start ?? firstLine.length;
  const argsLine = firstLine.slice(argsFrom);
  const args = argsLine + joined.text.slice(joined.bodyStart);
  const argsStart = at(argsFrom);
  const words = toks.slice(argTok).map((t) => t.text);

  let heredocs: Heredoc[] = [];
  if (heredocCapable) {
    const bodyText = joined.text.slice(joined.bodyStart + 1);
    const bodyLine = index.position(at(joined.bodyStart + 1)).line;
    const found = findHeredocs(maskQuotes(argsLine), bodyText, bodyLine);
    if (found.unterminated !== null) {
      return err(new WhittleError('PARSE', `unterminated heredoc <<${found.unterminated} (no closing "${found.unterminated}" line)`, where));
    }
    heredocs = found.docs;
  }

  let json: string[] | null = null;
  if (JSON_KEYWORDS.has(keyword) && heredocs.length === 0) {
    json = parseJsonArray(argsLine);
    const trimmed = argsLine.trim();
    if (json === null && trimmed.startsWith('[') && !trimmed.includes(']')) {
      return err(new WhittleError('PARSE', `unterminated JSON array in ${keyword}`, where));
    }
  }

  let trigger: Instruction | null = null;
  if (keyword === 'ONBUILD') {
    const inner = (ast as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction();
    if (inner !== null) {
      const converted = convert(inner, ctx, stage, true);
      if (!converted.ok) return converted;
      trigger = converted.value;
    }
  }

  const base = {
    keyword, rawKeyword, span, flags, args, rawArgs: source.slice(argsStart, end), argsStart, json, words, heredocs, stage,
    trigger, isTrigger,
  };
  const details = detailsFor(keyword, ast, base, ctx);
  if (!details.ok) return details;
  return ok(Object.freeze({ ...base, ...details.value }));
}

type Base = Pick<Instruction, 'flags' | 'args' | 'argsStart' | 'json' | 'words' | 'heredocs' | 'span' | 'keyword'>;
type Details = Partial<Pick<Instruction, 'from' | 'run' | 'copy' | 'pairs' | 'healthcheck'>>;

function flagValue(base: Base, name: string): string | null {
  const f = base.flags.find((x) => x.name === name);
  return f ? (f.value ?? 'true') : null;
}

function detailsFor(keyword: string, ast: AstInstruction, base: Base, ctx: Ctx): Result<Details> {
  switch (keyword) {
    case 'FROM': return ok({ from: fromDetails(ast, base, ctx) });
    case 'RUN': return ok({ run: runDetails(base) });
    case 'COPY':
    case 'ADD': return ok({ copy: copyDetails(base) });
    case 'ENV':
    case 'LABEL': return ok({ pairs: pairsOf(ast, ctx) });
    case 'ARG': return ok({ pairs: argPairs(base, ctx) });
    case 'HEALTHCHECK': return ok({ healthcheck: { none: (base.words[0] ?? '').toUpperCase() === 'NONE' } });
    default: return ok({});
  }
}

function fromDetails(ast: AstInstruction, base: Base, ctx: Ctx): FromDetails {
  const from = ast as unknown as {
    getImage(): string | null; getImageName(): string | null; getImageTag(): string | null;
    getImageDigest(): string | null; getRegistry(): string | null;
  };
  const image = base.words[0] ?? '';
  let alias: string | null = null;
  let aliasSpan: Span | null = null;
  if (base.words.length >= 3 && (base.words[1] ?? '').toUpperCase() === 'AS') {
    alias = base.words[2] ?? null;
    const idx = ctx.source.lastIndexOf(alias ?? '', base.span.end);
    if (alias !== null && idx >= base.span.start) aliasSpan = ctx.index.span(idx, idx + alias.length);
  }
  const parent = ctx.stageNames.get(image.toLowerCase());
  return {
    image,
    registry: from.getRegistry(),
    name: from.getImageName() ?? image,
    tag: from.getImageTag(),
    digest: from.getImageDigest(),
    alias,
    aliasSpan,
    platform: flagValue(base, 'platform'),
    parentStage: parent ?? null,
  };
}

function runDetails(base: Base): RunDetails {
  let text: string;
  if (base.json !== null) text = base.json.join(' ');
  else if (base.heredocs.length > 0 && base.args.split('\n')[0]?.replace(HEREDOC_RE, '').trim() === '') {
    // `RUN <<EOF` with no command: the body is the script.
    text = base.heredocs.map((h) => h.body).join('\n');
  } else text = base.args;
  const mounts = base.flags.filter((f) => f.name === 'mount' && f.value !== null).map((f) => parseMount(f.value ?? ''));
  return {
    script: parseShell(text),
    mounts,
    cacheMountTargets: mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs').flatMap((m) => (m.target ? [m.target] : [])),
    network: flagValue(base, 'network'),
  };
}

function copyDetails(base: Base): CopyDetails {
  let parts: string[];
  if (base.json !== null) parts = [...base.json];
  else if (base.heredocs.length > 0) parts = base.words.filter((w) => !w.startsWith('<<'));
  else parts = base.words.map(unquote);
  const destination = parts.length > 0 ? (parts[parts.length - 1] ?? null) : null;
  return {
    sources: parts.slice(0, -1),
    destination,
    from: flagValue(base, 'from'),
    chown: flagValue(base, 'chown'),
    chmod: flagValue(base, 'chmod'),
    link: base.flags.some((f) => f.name === 'link' && f.value !== 'false'),
  };
}

// `ARG A B=2 C="x y"` declares three arguments (dockerfile-ast only reads the first).
function argPairs(base: Base, ctx: Ctx): KeyValue[] {
  const line = base.args.split('\n')[0] ?? '';
  const out: KeyValue[] = [];
  const re = /(?:[^\s"']+|"(?:[^"\\]|\\.)*"|'[^']*')+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const word = m[0];
    const eq = word.indexOf('=');
    const rawValue = eq < 0 ? null : word.slice(eq + 1);
    const start = ctx.source.indexOf(word, base.argsStart);
    const s = start < 0 ? base.argsStart : start;
    out.push({
      key: eq < 0 ? word : word.slice(0, eq),
      value: rawValue === null ? null : unquote(rawValue),
      rawValue,
      span: ctx.index.span(s, s + word.length),
    });
  }
  return out;
}

function pairsOf(ast: AstInstruction, ctx: Ctx): KeyValue[] {
  const a = ast as unknown as { getProperties?(): Property[]; getProperty?(): Property | null };
  const props = a.getProperties ? a.getProperties() : a.getProperty ? [a.getProperty()].filter((p): p is Property => p !== null) : [];
  return props.map((p) => {
    const r = p.getRange();
    const s = ctx.index.offset(r.start.line, r.start.character);
    const e = ctx.index.offset(r.end.line, r.end.character);
    const vr = p.getValueRange();
    const rawValue = vr ? ctx.source.slice(ctx.index.offset(vr.start.line, vr.start.character), ctx.index.offset(vr.end.line, vr.end.character)) : null;
    return { key: p.getName(), value: p.getValue(), rawValue, span: ctx.index.span(s, e) };
  });
}

/** Parse Dockerfile text into the model, or an error naming the file and line. */
export function parseDockerfile(text: string, file = 'Dockerfile'): Result<Dockerfile> {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return err(new WhittleError('NOT_A_DOCKERFILE', 'empty file, no instructions', { file }));
  const ast = DockerfileParser.parse(source);
  const escape = ast.getEscapeCharacter();
  const index = new LineIndex(source);
  const directives = ast.getDirectives();
  const directive = (name: string): string | null =>
    directives.find((d) => d.getName().toLowerCase() === name)?.getValue() ?? null;
  const astInstructions = ast.getInstructions();
  if (!astInstructions.some((i) => KEYWORDS.includes(i.getKeyword()))) {
    return err(new WhittleError('NOT_A_DOCKERFILE', 'no Dockerfile instructions found (not a Dockerfile?)', { file, line: 1 }));
  }
  const ctx: Ctx = { file, source, index, escape, stageNames: new Map() };
  const instructions: Instruction[] = [];
  let stage = -1;
  for (const a of astInstructions) {
    const isFrom = a.getKeyword() === 'FROM';
    const converted = convert(a, ctx, isFrom ? stage + 1 : stage, false);
    if (!converted.ok) return converted;
    const ins = converted.value;
    if (isFrom) {
      stage++;
      if (ins.from?.alias) ctx.stageNames.set(ins.from.alias.toLowerCase(), stage);
    }
    instructions.push(ins);
  }
  const comments: Comment[] = ast.getComments().map((c) => ({
    line: c.getRange().start.line + 1,
    text: c.getContent().trim(),
  }));
  // dockerfile-ast takes any leading `# a b=c` for a parser directive; BuildKit wants a one-word name, so
  // `# hadolint ignore=DL3003` on line 1 is a comment (and a pragma).
  for (const d of directives) {
    const line = d.getRange().start.line;
    const text = source.slice(index.offset(line, 0), index.offset(line + 1, 0)).replace(/^\s*#/, '').trim();
    if (!/^[A-Za-z][A-Za-z0-9]*\s*=/.test(text)) comments.push({ line: line + 1, text });
  }
  comments.sort((a, b) => a.line - b.line);
  return ok(Object.freeze({
    file,
    source,
    directives: { syntax: directive('syntax'), escape, check: directive('check') },
    instructions,
    globalArgs: instructions.filter((i) => i.stage === -1 && i.keyword === 'ARG'),
    stages: buildStages(instructions),
    comments,
  }));
}

function buildStages(instructions: readonly Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const parent = ins.from?.parentStage;
      const inherited = parent !== null && parent !== undefined ? stages[parent]?.shell : undefined;
      stages.push({ index: stages.length, from: ins, name: ins.from?.alias ?? null, instructions: [], shell: inherited ?? DEFAULT_SHELL });
      continue;
    }
    const current = stages[stages.length - 1];
    if (current === undefined) continue;
    (current.instructions as Instruction[]).push(ins);
    if (ins.keyword === 'SHELL' && ins.json !== null) (current as { shell: readonly string[] }).shell = ins.json;
  }
  return stages.map((s) => Object.freeze(s));
}
