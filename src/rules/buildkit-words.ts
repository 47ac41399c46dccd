// BuildKit's view of Dockerfile words: its variable expansion (which names matched, which did not), the ARG and
// ENV scope of each stage, global ARGs for FROM, image-name validity and its "did you mean" suggestion.
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import type { RuleContext } from './rule.js';

export interface WordResult {
  readonly result: string;
  /** Variable names looked up and found, in order of first use. */
  readonly matched: readonly string[];
  /** Variable names looked up and not found, in order of first use. */
  readonly unmatched: readonly string[];
  /** Why BuildKit would refuse the word (the build fails), or null. */
  readonly error: string | null;
}

class WordError extends Error {}

const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const NAME_CHAR = /[\p{L}\p{Nd}_]/u;
const DIGIT = /\p{Nd}/u;

/**
 * Expand `$VAR`, `${VAR}` and `${VAR:-word}`-style forms in one word as BuildKit's shell lexer does: quotes are
 * removed (unless skipQuotes), the escape character escapes, and every name looked up is recorded, including
 * those inside a default word and those whose value is never used.
 */
export function expandWord(word: string, env: ReadonlyMap<string, string>, escape = '\\', skipQuotes = false): WordResult {
  // Most words hold nothing to expand; they are the lint's hot path.
  if (!word.includes('$') && !word.includes(escape) && (skipQuotes || !/["']/.test(word))) return { result: word, matched: [], unmatched: [], error: null };
  const chars = Array.from(word);
  let pos = 0;
  const matched: string[] = [];
  const unmatched: string[] = [];
  const lookup = (name: string): string | undefined => {
    const v = env.get(name);
    const list = v === undefined ? unmatched : matched;
    if (!list.includes(name)) list.push(name);
    return v;
  };
  const name = (): string => {
    let out = '';
    const first = chars[pos];
    if (first !== undefined && DIGIT.test(first)) {
      while (chars[pos] !== undefined && DIGIT.test(chars[pos] ?? '')) out += chars[pos++];
      return out;
    }
    if (first !== undefined && SPECIAL_PARAMS.has(first)) {
      pos++;
      return first;
    }
    while (chars[pos] !== undefined && NAME_CHAR.test(chars[pos] ?? '')) out += chars[pos++];
    return out;
  };
  const single = (): string => {
    pos++;
    let out = '';
    for (;;) {
      const c = chars[pos++];
      if (c === undefined) throw new WordError('unexpected end of statement while looking for matching single-quote');
      if (c === "'") return out;
      out += c;
    }
  };
  const double = (rawEscapes: boolean): string => {
    pos++;
    let out = '';
    for (;;) {
      const c = chars[pos];
      if (c === undefined) throw new WordError('unexpected end of statement while looking for matching double-quote');
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '$') {
        out += dollar();
        continue;
      }
      pos++;
      if (c === escape) {
        if (rawEscapes) out += c;
        const n = chars[pos];
        if (n === undefined) continue;
        if (n === '"' || n === '$' || n === escape) {
          out += n;
          pos++;
          continue;
        }
      }
      out += c;
    }
  };
  const until = (stop: string | null, rawEscapes: boolean): string => {
    let out = '';
    while (pos < chars.length) {
      const c = chars[pos] ?? '';
      if (stop !== null && c === stop) {
        pos++;
        return out;
      }
      if (c === '$') out += dollar();
      else if (c === "'" && !skipQuotes) out += single();
      else if (c === '"' && !skipQuotes) out += double(rawEscapes);
      else {
        pos++;
        if (c === escape) {
          if (rawEscapes) out += c;
          const n = chars[pos++];
          if (n === undefined) break;
          out += n;
        } else out += c;
      }
    }
    if (stop !== null) throw new WordError(`unexpected end of statement while looking for matching ${stop}`);
    return out;
  };
  const dollar = (): string => {
    pos++;
    if (chars[pos] !== '{') {
      const n = name();
      return n === '' ? '$' : (lookup(n) ?? '');
    }
    pos++;
    const first = chars[pos];
    if (first === undefined) throw new WordError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new WordError('syntax error: bad substitution');
    const n = name();
    let op = chars[pos++];
    if (op === '}') return lookup(n) ?? '';
    let nullIsUnset = false;
    if (op === ':') {
      nullIsUnset = true;
      op = chars[pos++];
    }
    if (op === '+' || op === '-' || op === '?' || op === '#' || op === '%') {
      const trims = op === '#' || op === '%';
      if (nullIsUnset && trims) throw new WordError(`unsupported modifier (:${op}) in substitution`);
      const alt = until('}', trims);
      const value = lookup(n);
      const unset = value === undefined || (nullIsUnset && value === '');
      if (op === '-') return unset ? alt : (value ?? '');
      if (op === '+') return unset ? '' : alt;
      if (op === '?') {
        if (unset) throw new WordError(`${n}: ${alt !== '' ? alt : value === undefined ? 'is not allowed to be unset' : 'is not allowed to be empty'}`);
        return value ?? '';
      }
      const greedy = alt.startsWith(op);
      return trim(value ?? '', greedy ? alt.slice(1) : alt, op === '#', greedy);
    }
    if (op === '/') {
      const all = chars[pos] === '/';
      if (all) pos++;
      const pattern = until('/', true);
      const replacement = until('}', true);
      const value = lookup(n) ?? '';
      const re = new RegExp(shellPattern(pattern), all ? 'gu' : 'u');
      return value.replace(re, () => replacement);
    }
    throw new WordError(`unsupported modifier (${nullIsUnset ? ':' : ''}${op ?? ''}) in substitution`);
  };
  try {
    return { result: until(null, false), matched, unmatched, error: null };
  } catch (e) {
    if (!(e instanceof WordError)) throw e;
    return { result: '', matched, unmatched, error: e.message };
  }
}

// A shell glob from `${x#glob}` or `${x/glob/...}` as a regular expression body (BuildKit: no bracket expressions;
// `\` may escape only `*`, `?` and itself, and drops out before `}` and `/`).
function shellPattern(pattern: string): string {
  let out = '';
  const cps = Array.from(pattern);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] ?? '';
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '\\') {
      const n = cps[i + 1];
      if (n === '}' || n === '/') continue;
      if (n !== '*' && n !== '?' && n !== '\\') throw new WordError(`invalid pattern (${pattern}) in substitution`);
      out += `\\${n}`;
      i++;
    } else out += /[[\]{}.+()|^$/]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

// `${v#p}` / `${v%p}`: drop the shortest (or longest) prefix / suffix of v that the glob matches whole.
function trim(value: string, pattern: string, prefix: boolean, greedy: boolean): string {
  const re = new RegExp(`^${shellPattern(pattern)}$`, 'su');
  const n = value.length;
  const cuts = Array.from({ length: n + 1 }, (_, i) => (greedy ? n - i : i));
  for (const k of cuts) {
    if (prefix && re.test(value.slice(0, k))) return value.slice(k);
    if (!prefix && re.test(value.slice(n - k))) return value.slice(0, n - k);
  }
  return value;
}

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** BuildKit's "did you mean": the first option closest to name, fewer than 3 edits away; none when name itself is one. */
export function suggestName(name: string, options: Iterable<string>): string | null {
  let best: string | null = null;
  let min = 3;
  for (const o of options) {
    if (o === name) return null;
    const d = distance(name, o);
    if (d < min) {
      best = o;
      min = d;
    }
  }
  return best;
}

const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);

/** Whether Docker would accept this as an image name (distribution's ParseNormalizedNamed). */
export function isValidImageRef(ref: string): boolean {
  if (/^[a-f0-9]{64}$/.test(ref)) return false;
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const remainder = hasDomain ? ref.slice(slash + 1) : ref;
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return false;
  const m = REFERENCE.exec(`${hasDomain ? first : 'docker.io'}/${remainder}`);
  if (m === null || (m[1] ?? '').length > 255) return false;
  const digest = m[3];
  return digest === undefined || !digest.startsWith('sha256:') || /^sha256:[a-fA-F0-9]{64}$/.test(digest);
}

/** Build arguments BuildKit defines itself; they count as declared in FROM. */
export const PLATFORM_ARGS: readonly string[] = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
];

/** Build arguments that never become environment variables. */
export const NON_ENV_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export interface GlobalScope {
  /** Values of the predefined arguments and of the global ARGs that have one, for expanding FROM. */
  readonly env: ReadonlyMap<string, string>;
  /** Every name FROM may use: predefined ones and global ARGs, with or without a value. */
  readonly declared: readonly string[];
  /** Why the global ARGs cannot be evaluated (BuildKit fails the build), or null. */
  readonly error: string | null;
}

function predefined(df: Dockerfile, ctx: RuleContext): Map<string, string> {
  // Without a known platform the values are placeholders; only FROM names that embed them depend on it.
  const target = (ctx.targetPlatform ?? 'linux/amd64').split('/');
  const [os = 'linux', arch = 'amd64', variant = ''] = target;
  const last = df.stages[df.stages.length - 1]?.name ?? null;
  const values: Record<string, string> = {
    BUILDPLATFORM: target.join('/'), BUILDOS: os, BUILDOSVERSION: '', BUILDARCH: arch, BUILDVARIANT: variant,
    TARGETPLATFORM: target.join('/'), TARGETOS: os, TARGETOSVERSION: '', TARGETARCH: arch, TARGETVARIANT: variant,
    TARGETSTAGE: last ?? 'default',
  };
  return new Map(PLATFORM_ARGS.map((k) => [k, ctx.buildArgs[k] ?? values[k] ?? '']));
}

/** The global scope FROM sees: with the build's `--build-arg`s, or (useBuildArgs false) with defaults only. */
export function globalScope(df: Dockerfile, ctx: RuleContext, useBuildArgs = true): GlobalScope {
  const env = predefined(df, ctx);
  const declared: string[] = [...env.keys()];
  const escape = df.directives.escape;
  for (const ins of df.globalArgs) {
    for (const { key, value } of splitArg(ins, escape)) {
      const given = useBuildArgs ? ctx.buildArgs[key] : undefined;
      let v: string | null = given ?? null;
      if (given === undefined && value !== null) {
        const r = expandWord(value, env, escape);
        if (r.error !== null) return { env, declared, error: r.error };
        v = r.result;
      }
      if (v !== null) env.set(key, v);
      if (!declared.includes(key)) declared.push(key);
    }
  }
  return { env, declared, error: null };
}

/** Split on unquoted whitespace, keeping quotes and escapes in the words (BuildKit's parseWords). */
export function splitWords(text: string, escape: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote: string | null = null;
  let inWord = false;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (quote === null && /\s/.test(c)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === escape && quote !== "'" && i + 1 < chars.length) {
      word += c + (chars[++i] ?? '');
      continue;
    }
    if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = null;
    word += c;
  }
  if (inWord) out.push(word);
  return out;
}

export interface RawPair {
  readonly key: string;
  /** As written (quotes kept); null for `ARG NAME` without a default. */
  readonly value: string | null;
}

/** `ARG a b=1 c="x y"`. */
export function splitArg(ins: Instruction, escape: string): RawPair[] {
  return splitWords(ins.args, escape).map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { key: w, value: null } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

/** ENV and LABEL pairs: `k=v k2="v 2"`, or the legacy `ENV k some value`. */
export function splitPairs(ins: Instruction, escape: string): RawPair[] {
  const words = splitWords(ins.args, escape);
  const first = words[0];
  if (first === undefined) return [];
  if (!first.includes('=')) {
    const rest = ins.args.trimStart().slice(first.length).trim();
    return [{ key: first, value: rest }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { key: w, value: '' } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

/** The stage a FROM names, when its (expanded) image is the name of an earlier stage. */
export function parentStage(df: Dockerfile, stage: Stage, image: string): Stage | null {
  const wanted = image.toLowerCase();
  return df.stages.find((s) => s.index < stage.index && s.name !== null && s.name.toLowerCase() === wanted) ?? null;
}

/** The image each stage starts from, after ARG expansion; null for `scratch`, another stage, or an unusable name. */
export function baseImages(df: Dockerfile, ctx: RuleContext): (string | null)[] {
  const scope = globalScope(df, ctx);
  return df.stages.map((stage) => {
    const image = expandWord(stage.from.from?.image ?? '', scope.env, df.directives.escape);
    if (image.error !== null || image.result === '' || image.result === 'scratch') return null;
    return parentStage(df, stage, image.result) === null ? image.result : null;
  });
}

// CSV fields of a `--mount` value (a quoted field may hold commas).
function csvFields(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A word BuildKit expands for an instruction, and whether quotes are kept (heredoc bodies). */
export interface ExpandedWord {
  readonly text: string;
  readonly raw: boolean;
}

/** The words of an instruction that BuildKit expands against the stage's environment (not ARG: see splitArg). */
export function expandedWords(ins: Instruction, escape: string): ExpandedWord[] {
  const plain = (text: string): ExpandedWord => ({ text, raw: false });
  const flag = (name: string): ExpandedWord[] => ins.flags.filter((f) => f.name === name && f.value !== null).map((f) => plain(f.value ?? ''));
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL':
      return splitPairs(ins, escape).flatMap((p) => [plain(p.key), plain(p.value ?? '')]);
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      return [plain(ins.args.trim())];
    case 'VOLUME':
      return (ins.json ?? splitWords(ins.args, escape)).map(plain);
    case 'RUN':
      return ins.flags
        .filter((f) => f.name === 'mount' && f.value !== null)
        .flatMap((f) => csvFields(f.value ?? ''))
        .flatMap((field) => {
          const eq = field.indexOf('=');
          return eq < 0 ? [] : [plain(field.slice(eq + 1))];
        });
    case 'COPY':
    case 'ADD': {
      const words = ins.json ?? (ins.heredocs.length > 0 ? ins.words.filter((w) => !w.startsWith('<<')) : splitWords(ins.args, escape));
      const bodies = ins.heredocs.filter((h) => !h.quoted).map((h) => ({ text: h.body, raw: true }));
      return [...flag('chown'), ...flag('chmod'), ...(ins.keyword === 'ADD' ? flag('checksum') : []), ...words.map(plain), ...bodies];
    }
    default:
      return [];
  }
}

/** BuildKit's default PATH for Linux images that do not set one. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A stage's variables at one point of the build, as BuildKit's dispatcher holds them. */
export interface StageScope {
  /** Environment: the base image's, then ARG values and ENV, in the order they were set. */
  readonly env: Map<string, string>;
  /** Every ARG declared so far in the stage (and its parent stages), with or without a value. */
  readonly declared: Set<string>;
  /** The base image whose environment could not be read (its variables are unknown), or null. */
  readonly unreadBase: string | null;
}

export interface ScopeVisitor {
  /** Called for each instruction of each stage, with the scope before the instruction runs. */
  instruction?(ins: Instruction, scope: StageScope): void;
  /** Called with the result of each expansion BuildKit makes in the instruction (ARG defaults included). */
  expansion?(ins: Instruction, scope: StageScope, word: WordResult): void;
}

/**
 * Walk every stage in order the way BuildKit dispatches them for `--check` (all stages): start from the
 * base image's environment (ctx.baseImageEnv), a parent stage's final scope, or nothing for scratch;
 * then apply ARG and ENV as the dispatcher does.
 */
export function walkStages(df: Dockerfile, ctx: RuleContext, visitor: ScopeVisitor): void {
  const global = globalScope(df, ctx);
  const escape = df.directives.escape;
  const finals: StageScope[] = [];
  for (const stage of df.stages) {
    const image = expandWord(stage.from.from?.image ?? '', global.env, escape);
    const parent = image.error === null ? parentStage(df, stage, image.result) : null;
    let scope: StageScope;
    if (parent !== null && finals[parent.index] !== undefined) {
      const p = finals[parent.index] as StageScope;
      scope = { env: new Map(p.env), declared: new Set(p.declared), unreadBase: p.unreadBase };
    } else if (image.error === null && image.result === 'scratch') {
      scope = { env: new Map([['PATH', DEFAULT_PATH]]), declared: new Set(), unreadBase: null };
    } else {
      const names = image.error === null ? ctx.baseImageEnv?.[image.result] : undefined;
      const env = new Map<string, string>((names ?? []).map((n) => [n, '']));
      if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
      const unread = Array.isArray(names) ? null : image.error === null ? image.result : stage.from.from?.image ?? '';
      scope = { env, declared: new Set(), unreadBase: unread };
    }
    for (const ins of stage.instructions) {
      visitor.instruction?.(ins, scope);
      if (ins.keyword === 'ARG') {
        for (const { key, value } of splitArg(ins, escape)) {
          let v: string | null = ctx.buildArgs[key] ?? null;
          if (v === null && value !== null) {
            const r = expandWord(value, scope.env, escape);
            visitor.expansion?.(ins, scope, r);
            v = r.result;
          } else if (v === null) v = global.env.get(key) ?? null;
          if (v !== null && !NON_ENV_ARGS.has(key)) scope.env.set(key, v);
          scope.declared.add(key);
        }
        continue;
      }
      const words = expandedWords(ins, escape).map((w) => expandWord(w.text, scope.env, w.raw ? '\\' : escape, w.raw));
      for (const w of words) visitor.expansion?.(ins, scope, w);
      if (ins.keyword === 'ENV') {
        for (let i = 0; i + 1 < words.length; i += 2) scope.env.set(words[i]?.result ?? '', words[i + 1]?.result ?? '');
      }
    }
    finals[stage.index] = scope;
  }
}
