// `.dockerignore` with Docker's exact semantics (moby's ignorefile reader and pattern matcher), as a pure module.
import path from 'node:path';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';

/** One pattern as the matcher holds it: cleaned, without its `!`. */
export interface IgnorePattern {
  readonly text: string;
  /** `!pattern`: re-includes what earlier patterns excluded. */
  readonly exclusion: boolean;
  /** 1-based line in the ignore file (0 when the pattern did not come from a file). */
  readonly line: number;
}

export interface Matcher {
  readonly patterns: readonly IgnorePattern[];
  /** Whether any `!` pattern exists (BuildKit then declines to reason about COPY sources statically). */
  readonly hasExclusions: boolean;
  /** Whether the builder leaves `relPath` (context-relative, `/`-separated) out: it or one of its parents is excluded last. */
  ignores(relPath: string): boolean;
  /** Whether a walker may skip the directory whole: it is ignored and no `!` pattern can re-include anything under it. */
  skipsDir(relDir: string): boolean;
  /** For walkers: the match state of `relDir` (the root is `.` with parent null), so paths under it skip re-testing their parents. */
  enterDir(parent: DirMatch | null, relDir: string): DirMatch;
  /** `ignores(relPath)` for a path directly inside the directory `dir` describes: the same answer, less work. */
  ignoresIn(dir: DirMatch, relPath: string): boolean;
}

/** Which patterns match a directory or one of its parents (opaque to callers; made by `Matcher.enterDir`). */
export interface DirMatch {
  readonly path: string;
  readonly hits: Uint8Array;
  /** Indices of the patterns that can matter for a direct child: hit by the directory, or able to match a child. */
  readonly active?: Int32Array;
}

/** Go's `path.Clean`: the shortest equivalent path, `.` for empty. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go's `path.Dir`. */
function dirOf(p: string): string {
  const slash = p.lastIndexOf('/');
  return cleanPath(slash < 0 ? '' : p.slice(0, slash + 1));
}

/**
 * The ignore file's lines as patterns, the way the builder reads them: a UTF-8 BOM is dropped, a line that
 * starts with `#` is a comment (only at the very start: `  # x` is a pattern), the rest is trimmed, cleaned,
 * and loses one leading `/` (the context root), keeping a leading `!`.
 */
export function readIgnoreLines(text: string): { pattern: string; line: number }[] {
  const out: { pattern: string; line: number }[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [i, raw] of lines.entries()) {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern !== '') {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push({ pattern: invert ? `!${pattern}` : pattern, line: i + 1 });
  }
  return out;
}

type Kind = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface Compiled extends IgnorePattern {
  readonly kind: Kind;
  readonly regexp: RegExp | null;
  /** The pattern up to its first wildcard: what any path it matches must start with. */
  readonly literalPrefix: string;
}

class BadPattern extends Error {}

// Characters a regular expression treats specially but a path pattern does not (moby escapes the same set).
const REGEXP_ONLY = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
// Go's regexp gives these escaped letters a meaning; JavaScript agrees on them.
const CLASS_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W']);

// A character matched as itself; `-` needs its escape only inside a class (the `u` flag refuses it outside).
function literal(ch: string, inClass = false): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) || (inClass && ch === '-') ? `\\${ch}` : ch;
}

/**
 * Check a pattern's syntax as Go's `filepath.Match` does: every `[...]` closes, holds at least one item,
 * and its ranges have both ends; a `\` always escapes something.
 */
function checkSyntax(p: string): void {
  const cps = Array.from(p);
  let i = 0;
  const esc = (): void => {
    const c = cps[i];
    if (c === undefined || c === '-' || c === ']') throw new BadPattern();
    if (c === '\\') {
      i++;
      if (cps[i] === undefined) throw new BadPattern();
    }
    i++;
    if (i >= cps.length) throw new BadPattern();
  };
  while (i < cps.length) {
    const c = cps[i];
    if (c === '\\') {
      i += 2;
      if (i > cps.length) throw new BadPattern();
    } else if (c === '[') {
      i++;
      if (cps[i] === '^') i++;
      let items = 0;
      for (;;) {
        if (cps[i] === ']' && items > 0) {
          i++;
          break;
        }
        esc();
        if (cps[i] === '-') {
          i++;
          esc();
        }
        items++;
      }
    } else i++;
  }
}

/** A `[...]` class starting at cps[i] (syntax already checked), as a JavaScript class; returns the index after it. */
function classAt(cps: readonly string[], start: number): { text: string; next: number } {
  let i = start + 1;
  let text = '[';
  if (cps[i] === '^') {
    text += '^';
    i++;
  }
  let items = 0;
  const one = (): string => {
    let c = cps[i] ?? '';
    if (c === '\\') {
      i++;
      c = cps[i] ?? '';
      if (CLASS_ESCAPES.has(c)) {
        i++;
        return `\\${c}`;
      }
    }
    i++;
    return literal(c, true);
  };
  for (;;) {
    if (cps[i] === ']' && items > 0) return { text: `${text}]`, next: i + 1 };
    const lo = one();
    if (cps[i] === '-') {
      i++;
      text += `${lo}-${one()}`;
    } else text += lo;
    items++;
  }
}

function compile(text: string, exclusion: boolean, line: number): Compiled {
  checkSyntax(text);
  const cps = Array.from(text);
  let re = '^';
  let kind: Kind = 'exact';
  let prefixEnd = -1;
  for (let i = 0, token = 0; i < cps.length; token++) {
    const ch = cps[i] ?? '';
    if (ch === '*' || ch === '?' || ch === '[' || ch === '\\') {
      if (prefixEnd < 0) prefixEnd = i;
    }
    if (ch === '*') {
      if (cps[i + 1] === '*') {
        i += 2;
        if (cps[i] === '/') i++;
        if (i >= cps.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (token === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
        i++;
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
      i++;
    } else if (ch === '\\') {
      const next = cps[i + 1];
      i += 2;
      if (next === undefined) re += '\\\\';
      else {
        re += CLASS_ESCAPES.has(next) ? `\\${next}` : literal(next);
        kind = 'regexp';
      }
    } else if (ch === '[') {
      const cls = classAt(cps, i);
      re += cls.text;
      i = cls.next;
      kind = 'regexp';
    } else {
      // `^` stays an anchor, as in moby's regexp (so a wildcard pattern holding one never matches).
      re += REGEXP_ONLY.has(ch) || ch === ']' ? literal(ch) : ch;
      i++;
    }
  }
  let regexp: RegExp | null = null;
  if (kind === 'regexp') {
    try {
      regexp = new RegExp(`${re}$`, 'u');
    } catch {
      // A class range that runs backwards (`[z-a]`): Go's regexp refuses it, so the builder fails on this pattern.
      throw new BadPattern();
    }
  }
  const literalPrefix = (prefixEnd < 0 ? cps : cps.slice(0, prefixEnd)).join('');
  return { text, exclusion, line, kind, regexp, literalPrefix };
}

function matchOne(p: Compiled, file: string): boolean {
  switch (p.kind) {
    case 'exact':
      return file === p.text;
    case 'prefix':
      return file.startsWith(p.text.slice(0, -2));
    case 'suffix': {
      const suffix = p.text.slice(2);
      if (file.endsWith(suffix)) return true;
      // `**/foo` matches `foo` itself.
      return suffix.startsWith('/') && file === suffix.slice(1);
    }
    case 'regexp':
      return p.regexp?.test(file) ?? false;
  }
}

/**
 * Build a matcher from patterns as `readIgnoreLines` returns them (moby's `patternmatcher.New`): each is trimmed
 * and cleaned again, a lone `!` is an error, and so is a pattern `filepath.Match` would reject.
 */
export function compilePatterns(lines: readonly { pattern: string; line: number }[], file: string): Result<Matcher> {
  const patterns: Compiled[] = [];
  for (const { pattern, line } of lines) {
    let p = pattern.trim();
    if (p === '') continue;
    p = cleanPath(p);
    const exclusion = p.startsWith('!');
    if (exclusion) {
      if (p.length === 1) return err(new WhittleError('PARSE', 'illegal exclusion pattern: "!"', { file, line }));
      p = p.slice(1);
    }
    try {
      patterns.push(compile(p, exclusion, line));
    } catch (e) {
      if (!(e instanceof BadPattern)) throw e;
      return err(new WhittleError('PARSE', `syntax error in pattern "${pattern}"`, { file, line }));
    }
  }
  return ok(makeMatcher(patterns));
}

// The literal text a regexp pattern's matches must end with (after its last wildcard, class or escape).
function literalTail(text: string): string {
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    // An escaped character may be a class (`\\d`): the tail starts after it.
    if (text[i] === '\\') last = ++i;
    else if ('*?[]'.includes(text[i] ?? '')) last = i;
  }
  return text.slice(last + 1);
}

/** `matchOne` with cheap necessary conditions first: most paths fail a literal prefix or tail without a regexp run. */
function quickMatcher(p: Compiled): (file: string) => boolean {
  if (p.kind !== 'regexp') return (file) => matchOne(p, file);
  const head = p.literalPrefix;
  const tail = literalTail(p.text);
  return (file) => file.startsWith(head) && file.endsWith(tail) && matchOne(p, file);
}

/**
 * Whether `p` can match some `base + name` (name without `/`): its literal prefix must fit, and a pattern
 * without `**` matches only paths with as many `/` as it has. A necessary condition, never a sufficient one.
 */
function mayMatchChild(p: Compiled, base: string, depth: number): boolean {
  if (p.kind === 'suffix') return true;
  const head = p.kind === 'exact' ? p.text : p.kind === 'prefix' ? p.text.slice(0, -2) : p.literalPrefix;
  if (head.startsWith(base)) {
    if (head.slice(base.length).includes('/')) return false;
  } else if (!base.startsWith(head)) return false;
  // A class could hold a `/` (and an escape could be one): then slashes cannot be counted.
  if (p.kind === 'prefix' || p.text.includes('**') || /\[[^\]]*\/|\\/.test(p.text)) return true;
  let slashes = 0;
  for (const ch of p.text) if (ch === '/') slashes++;
  return slashes === depth;
}

function makeMatcher(patterns: readonly Compiled[]): Matcher {
  const quick = patterns.map(quickMatcher);
  // `**/name`-like patterns depend on the last segment only: their hits are computed once per distinct name.
  const nameOnly = patterns.map((p) => p.text.startsWith('**/') && !p.text.slice(3).includes('/') && !p.text.slice(3).includes('**') && p.kind !== 'prefix');
  const byName = new Map<string, Int32Array>();
  const NONE = new Int32Array(0);
  const nameHits = (name: string): Int32Array => {
    let hits = byName.get(name);
    if (hits === undefined) {
      const found: number[] = [];
      for (let i = 0; i < patterns.length; i++) if (nameOnly[i] === true && (quick[i] as (f: string) => boolean)(name)) found.push(i);
      hits = found.length === 0 ? NONE : Int32Array.from(found);
      if (byName.size > 200_000) byName.clear();
      byName.set(name, hits);
    }
    return hits;
  };
  const ignoresIn = (dir: DirMatch, file: string): boolean => {
    const active = dir.active;
    if (active === undefined) {
      let matched = false;
      for (let i = 0; i < patterns.length; i++) {
        const p = patterns[i] as Compiled;
        if (p.exclusion !== matched) continue;
        if (dir.hits[i] === 1 || (quick[i] as (f: string) => boolean)(file)) matched = !p.exclusion;
      }
      return matched;
    }
    const named = nameHits(file.slice(file.lastIndexOf('/') + 1));
    let matched = false;
    // Walk the two sorted index lists in pattern order: the directory's active patterns and the name's hits.
    let a = 0;
    let b = 0;
    while (a < active.length || b < named.length) {
      const ia = a < active.length ? (active[a] as number) : Infinity;
      const ib = b < named.length ? (named[b] as number) : Infinity;
      const i = Math.min(ia, ib);
      if (ia === i) a++;
      if (ib === i) b++;
      const p = patterns[i] as Compiled;
      if (p.exclusion !== matched) continue;
      // A name-only pattern in `named` matched already; one only in `active` was hit by the directory.
      if (ib === i || dir.hits[i] === 1 || (!(nameOnly[i] ?? false) && (quick[i] as (f: string) => boolean)(file))) matched = !p.exclusion;
    }
    return matched;
  };
  const enterDir = (parent: DirMatch | null, relDir: string): DirMatch => {
    const hits = new Uint8Array(patterns.length);
    if (parent !== null && relDir !== '.') {
      for (let i = 0; i < patterns.length; i++) hits[i] = parent.hits[i] === 1 || (quick[i] as (f: string) => boolean)(relDir) ? 1 : 0;
    }
    const base = relDir === '.' ? '' : `${relDir}/`;
    const depth = base.split('/').length - 1;
    const active: number[] = [];
    for (let i = 0; i < patterns.length; i++) if (hits[i] === 1 || (!(nameOnly[i] ?? false) && mayMatchChild(patterns[i] as Compiled, base, depth))) active.push(i);
    return { path: relDir, hits, active: Int32Array.from(active) };
  };
  return { ...plainMatcher(patterns), enterDir, ignoresIn };
}

function plainMatcher(patterns: readonly Compiled[]): Omit<Matcher, 'enterDir' | 'ignoresIn'> {
  const hasExclusions = patterns.some((p) => p.exclusion);
  const ignores = (file: string): boolean => {
    let matched = false;
    const parent = dirOf(file);
    const parents: string[] = [];
    if (parent !== '.') {
      const dirs = parent.split('/');
      for (let i = 1; i <= dirs.length; i++) parents.push(dirs.slice(0, i).join('/'));
    }
    for (const p of patterns) {
      // An inclusion cannot change a path already excluded, nor an exclusion one not excluded yet.
      if (p.exclusion !== matched) continue;
      const hit = matchOne(p, file) || parents.some((d) => matchOne(p, d));
      if (hit) matched = !p.exclusion;
    }
    return matched;
  };
  return {
    patterns: patterns.map(({ text, exclusion, line }) => ({ text, exclusion, line })),
    hasExclusions,
    ignores,
    skipsDir(dir: string): boolean {
      if (!ignores(dir)) return false;
      const under = `${dir}/`;
      return !patterns.some((p) => p.exclusion && (p.literalPrefix.startsWith(under) || under.startsWith(p.literalPrefix) || p.kind === 'suffix'));
    },
  };
}

/** Read an ignore file's text into a matcher; errors name the file and line. */
export function parseDockerignore(text: string, file: string): Result<Matcher> {
  return compilePatterns(readIgnoreLines(text), file);
}

/**
 * Where the builder looks for ignore rules, first found wins: `<Dockerfile>.dockerignore` beside the Dockerfile,
 * then `.dockerignore` at the context root.
 */
export function dockerignoreCandidates(dockerfile: string, contextDir: string): string[] {
  return [`${dockerfile}.dockerignore`, path.join(contextDir, '.dockerignore')];
}
