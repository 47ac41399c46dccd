// The context report, pure: what the build receives, what `.dockerignore` saves, what it should exclude (WH5xx
// findings), what each COPY/ADD takes and what a change to its sources costs, and a safer `.dockerignore`.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { isSilenced, readPragmas } from '../rules/pragmas.js';
import { sortFindings } from '../rules/lint.js';
import type { Category, Finding, RuleSeverity, Severity } from '../rules/rule.js';
import { findSecrets, maskSecret } from '../rules/secret-patterns.js';
import { formatBytes } from '../report/tty.js';
import { cleanPath, compilePatterns, readIgnoreLines } from './dockerignore.js';
import type { Matcher } from './dockerignore.js';
import type { ContextFile, ContextWalk, Unreadable } from './walk.js';

/** The context checks: not Dockerfile rules (they read the context), but the same ids, config and pragmas. */
export interface ContextCheck {
  readonly id: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
}

export const CONTEXT_CHECKS = {
  vcs: { id: 'WH500', title: 'Version-control metadata is sent to the builder', category: 'size', severity: 'warning' },
  deps: { id: 'WH501', title: 'Dependency directory sent although the build reinstalls it', category: 'size', severity: 'warning' },
  cache: { id: 'WH502', title: 'Tool caches are sent to the builder', category: 'size', severity: 'info' },
  output: { id: 'WH503', title: 'Build output sent although the build rebuilds it', category: 'size', severity: 'info' },
  logs: { id: 'WH504', title: 'Log files are sent to the builder', category: 'size', severity: 'info' },
  junk: { id: 'WH505', title: 'Editor and OS files are sent to the builder', category: 'size', severity: 'info' },
  tests: { id: 'WH506', title: 'Test data is sent although no build step runs tests (heuristic)', category: 'size', severity: 'info' },
  secret: { id: 'WH507', title: 'A secret is sent to the builder', category: 'security', severity: 'warning' },
  broadCopy: { id: 'WH510', title: 'A broad COPY before a dependency install re-runs it on every change', category: 'cache', severity: 'warning' },
  missingSource: { id: 'WH511', title: 'A COPY/ADD source matches nothing the build receives', category: 'correctness', severity: 'error' },
  unreadable: { id: 'WH512', title: 'A context file cannot be read', category: 'correctness', severity: 'error' },
} as const satisfies Record<string, ContextCheck>;

export type JunkKind = 'vcs' | 'deps' | 'cache' | 'output' | 'logs' | 'junk' | 'tests' | 'secret';

// Directory names by kind. Dependency dirs and build outputs count only when the Dockerfile recreates them.
const DIR_KINDS: ReadonlyMap<string, JunkKind> = new Map<string, JunkKind>([
  ...['.git', '.hg', '.svn', '.bzr'].map((n) => [n, 'vcs'] as const),
  ...['node_modules', 'bower_components', '.venv', 'venv', '.bundle'].map((n) => [n, 'deps'] as const),
  ...['.cache', '__pycache__', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.gradle', '.npm', '.parcel-cache', '.turbo', '.nyc_output', '.sass-cache'].map((n) => [n, 'cache'] as const),
  ...['dist', 'build', 'out', 'target', 'coverage', '.next'].map((n) => [n, 'output'] as const),
  ...['logs'].map((n) => [n, 'logs'] as const),
  ...['.idea', '.vscode', '.vs'].map((n) => [n, 'junk'] as const),
  ...['test', 'tests', '__tests__', 'spec', 'testdata', 'fixtures', 'e2e', 'cypress'].map((n) => [n, 'tests'] as const),
  ...['.aws', '.ssh', '.gnupg'].map((n) => [n, 'secret'] as const),
]);

// File names by kind, with the glob a suggested `.dockerignore` uses for them.
const FILE_KINDS: readonly { readonly test: RegExp; readonly kind: JunkKind; readonly glob: string }[] = [
  { test: /\.log$|^npm-debug\.log/, kind: 'logs', glob: '**/*.log' },
  { test: /^\.DS_Store$/, kind: 'junk', glob: '**/.DS_Store' },
  { test: /^Thumbs\.db$/, kind: 'junk', glob: '**/Thumbs.db' },
  { test: /^desktop\.ini$/, kind: 'junk', glob: '**/desktop.ini' },
  { test: /\.sw[op]$/, kind: 'junk', glob: '**/*.sw?' },
  { test: /~$/, kind: 'junk', glob: '**/*~' },
  { test: /\.py[co]$/, kind: 'cache', glob: '**/*.py[co]' },
  { test: /^\.eslintcache$/, kind: 'cache', glob: '**/.eslintcache' },
];

// Secret files by name; `.env.example` and friends are templates, not secrets.
const SECRET_NAME = /^(?:\.env(?:\..+)?|id_(?:rsa|dsa|ecdsa|ed25519)|.+\.(?:pem|key|p12|pfx|jks|keystore)|\.git-credentials|credentials(?:\.json)?|.+\.tfvars|\.htpasswd)$/;
const SECRET_TEMPLATE = /\.(?:example|sample|template|dist|defaults?)$/;
// Files that are secrets only when they hold a credential.
const MAYBE_SECRET = /^(?:\.npmrc|\.pypirc|\.netrc|\.yarnrc(?:\.yml)?|config\.json|settings\.xml|\.dockercfg)$/;
/** Largest file whose text is scanned for a credential. */
export const SECRET_SCAN_LIMIT = 1 << 20;

export interface CopySummary {
  readonly line: number;
  readonly instruction: string;
  readonly stage: number;
  readonly sources: readonly string[];
  readonly fileCount: number;
  readonly bytes: number;
  /** Files that look unused in the image (tests, docs, VCS, caches): a heuristic. */
  readonly unused: { readonly heuristic: true; readonly fileCount: number; readonly bytes: number; readonly examples: readonly string[] };
  /** Later instructions of the stage that re-run when any copied file changes. */
  readonly invalidates: readonly { readonly line: number; readonly instruction: string }[];
}

export interface PathSize {
  readonly path: string;
  readonly bytes: number;
  readonly fileCount: number;
}

export interface ContextReport {
  readonly schemaVersion: 1;
  readonly sizeBytes: number;
  readonly fileCount: number;
  readonly ignoredBytes: number;
  readonly ignoredCount: number;
  readonly largestFiles: readonly PathSize[];
  readonly largestDirs: readonly PathSize[];
  readonly copies: readonly CopySummary[];
  readonly unreadable: readonly Unreadable[];
  readonly findings: readonly Finding[];
  /** The suggested `.dockerignore` (the current one plus whittle's additions). */
  readonly suggestion: Suggestion;
  readonly files: readonly ContextFile[];
}

export interface Suggestion {
  readonly text: string;
  /** Lines whittle adds. */
  readonly added: readonly string[];
  /** Candidates dropped because a COPY names a path they would exclude. */
  readonly keptForCopy: readonly string[];
  readonly sizeBytes: number;
  readonly fileCount: number;
}

export interface ReportInput {
  readonly walk: ContextWalk;
  readonly dockerfile: Dockerfile | null;
  readonly matcher: Matcher | null;
  /** The current ignore file's text ('' when there is none) and the name findings quote. */
  readonly ignoreText: string;
  /** Text of a sent file for the secret scan (null when unreadable or too large); injected to keep this pure. */
  readonly peek: (relPath: string) => string | null;
  readonly ignored?: readonly string[];
  readonly overrides?: Readonly<Record<string, RuleSeverity>>;
  readonly pragmas?: boolean;
  readonly top?: number;
}

// --- what the Dockerfile does --------------------------------------------------------------------------

const INSTALL = /\b(?:npm\s+(?:ci|install|i)\b|yarn\s+install\b|yarn\s*(?:$|&&|;|\|\|)|pnpm\s+(?:install|i)\b|pip3?\s+install|python3?\s+-m\s+pip\s+install|poetry\s+install|pipenv\s+install|uv\s+(?:sync|pip\s+install)|bundle\s+install|composer\s+install|go\s+mod\s+download|cargo\s+(?:build|fetch)|mvn\b|gradle\b|\.\/gradlew\b|dotnet\s+restore)/m;
const BUILD = /\b(?:npm\s+run\s+build|yarn\s+(?:run\s+)?build|pnpm\s+(?:run\s+)?build|tsc\b|go\s+build|cargo\s+build|mvn\b|gradle\b|\.\/gradlew\b|make\b|dotnet\s+(?:build|publish)|python3?\s+-m\s+build|next\s+build|vite\s+build|webpack\b)/;
const TESTS = /\b(?:npm\s+(?:run\s+)?test|yarn\s+(?:run\s+)?test|pnpm\s+(?:run\s+)?test|pytest|go\s+test|cargo\s+test|mvn\s+(?:\S+\s+)*(?:test|verify|install)\b|jest|vitest|tox\b)/;
const GIT = /\bgit\s/;

function runText(df: Dockerfile): string {
  return df.instructions.flatMap((i) => [i, ...(i.trigger ? [i.trigger] : [])]).filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
}

/** The kinds the Dockerfile makes junk: what it reinstalls, rebuilds, and whether it needs tests or `.git`. */
function relevantKinds(df: Dockerfile | null): Set<JunkKind> {
  const kinds = new Set<JunkKind>(['vcs', 'cache', 'logs', 'junk', 'tests', 'secret']);
  if (df === null) return kinds;
  const text = runText(df);
  if (INSTALL.test(text)) kinds.add('deps');
  if (BUILD.test(text)) kinds.add('output');
  if (TESTS.test(text)) kinds.delete('tests');
  if (GIT.test(text)) kinds.delete('vcs');
  return kinds;
}

/** COPY and ADD instructions that read the build context (not `--from`, URLs, git or heredocs). */
export function contextCopies(df: Dockerfile): Instruction[] {
  return df.instructions.filter(
    (i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.copy !== undefined && i.copy.from === null,
  );
}

function contextSources(ins: Instruction): string[] {
  return (ins.copy?.sources ?? []).filter((s) => !/^(?:[a-z][a-z0-9+.-]*:\/\/|git@|<<)/i.test(s));
}

/** A COPY source as the builder resolves it against the context: cleaned, relative, never above the root. */
function cleanSource(src: string): string {
  const c = cleanPath(`/${src.replace(/^["']|["']$/g, '')}`);
  return c === '/' ? '.' : c.slice(1);
}

const GLOB = /[*?[\\]/;

function globRegExp(src: string): RegExp {
  let re = '^';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? '';
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') re += `\\${src[++i] ?? '\\'}`.replace(/\\([A-Za-z0-9])/, '$1');
    else if (ch === '[') {
      const end = src.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += `[${src.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += /[.+()|{}$^]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`${re}$`, 'u');
}

/** The paths a source names (before expanding directories): itself, or what its glob matches. */
function namedBy(src: string, paths: ReadonlySet<string>): string[] {
  if (src === '.') return ['.'];
  if (!GLOB.test(src)) return paths.has(src) ? [src] : [];
  const re = globRegExp(src);
  return [...paths].filter((p) => re.test(p));
}

function under(p: string, dir: string): boolean {
  return dir === '.' || p === dir || p.startsWith(`${dir}/`);
}

function ancestors(p: string): string[] {
  const parts = p.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

// --- classification -------------------------------------------------------------------------------------

interface Candidate {
  readonly kind: JunkKind;
  /** The line a suggested `.dockerignore` gets. */
  readonly pattern: string;
  /** What the finding names: a directory, a file, or a glob. */
  readonly shown: string;
  files: number;
  bytes: number;
  readonly paths: string[];
}

/** A context path as a `.dockerignore` line that matches exactly it. */
export function escapePattern(p: string): string {
  // Regexp characters too: buildah's older matcher reads `+()|^` as regexp syntax unless escaped.
  const escaped = p.replace(/[*?[\]\\+()|{}^$]/g, (c) => `\\${c}`);
  // Lines are trimmed when read: an edge space can only be matched by a wildcard.
  return escaped.replace(/^\s+|\s+$/g, (s) => '?'.repeat(s.length)).replace(/^[!#]/, (c) => `\\${c}`);
}

function classify(files: readonly ContextFile[], kinds: ReadonlySet<JunkKind>): Candidate[] {
  const byPattern = new Map<string, Candidate>();
  const add = (kind: JunkKind, pattern: string, shown: string, f: ContextFile): void => {
    let c = byPattern.get(pattern);
    if (c === undefined) {
      c = { kind, pattern, shown, files: 0, bytes: 0, paths: [] };
      byPattern.set(pattern, c);
    }
    c.files++;
    c.bytes += f.bytes;
    if (c.paths.length < 5) c.paths.push(f.path);
  };
  for (const f of files) {
    const parts = f.path.split('/');
    let done = false;
    for (let i = 0; i < parts.length - 1 && !done; i++) {
      const kind = DIR_KINDS.get(parts[i] ?? '');
      if (kind === undefined || !kinds.has(kind)) continue;
      const dir = parts.slice(0, i + 1).join('/');
      add(kind, escapePattern(dir), `${dir}/`, f);
      done = true;
    }
    if (done) continue;
    const name = parts[parts.length - 1] ?? '';
    if (kinds.has('secret') && SECRET_NAME.test(name) && !SECRET_TEMPLATE.test(name)) {
      add('secret', escapePattern(f.path), f.path, f);
      continue;
    }
    const byName = FILE_KINDS.find((k) => k.test.test(name) && kinds.has(k.kind));
    if (byName !== undefined) add(byName.kind, byName.glob, byName.glob, f);
  }
  return [...byPattern.values()];
}

// --- findings -------------------------------------------------------------------------------------------

function check(kind: JunkKind): ContextCheck {
  return CONTEXT_CHECKS[kind];
}

const WHY: Readonly<Record<JunkKind, string>> = {
  vcs: 'version-control history the image never needs',
  deps: 'the build installs its dependencies itself',
  cache: 'tool caches are rebuilt on demand',
  output: 'the build produces its own output',
  logs: 'log files',
  junk: 'editor and OS files',
  tests: 'test data (heuristic: no RUN runs tests)',
  secret: 'credentials',
};

function secretDetail(c: Candidate, peek: ReportInput['peek']): string | null {
  for (const p of c.paths) {
    const text = peek(p);
    if (text === null) continue;
    const hit = findSecrets(text)[0];
    if (hit !== undefined) return `${p}: ${hit.label} ${maskSecret(hit.value)}`;
  }
  return null;
}

function copiedPaths(copies: readonly { readonly files: readonly ContextFile[] }[]): Set<string> {
  return new Set(copies.flatMap((c) => c.files.map((f) => f.path)));
}

// --- per COPY -------------------------------------------------------------------------------------------

interface CopyRun {
  readonly ins: Instruction;
  readonly sources: readonly string[];
  readonly named: readonly string[];
  readonly missing: readonly string[];
  readonly files: readonly ContextFile[];
}

function resolveCopies(df: Dockerfile | null, sent: readonly ContextFile[], dirs: readonly string[]): CopyRun[] {
  if (df === null) return [];
  const all = new Set<string>([...sent.map((f) => f.path), ...dirs]);
  return contextCopies(df).map((ins) => {
    const sources = contextSources(ins).map(cleanSource);
    const named: string[] = [];
    const missing: string[] = [];
    for (const s of sources) {
      // A variable is resolved only at build time: count it as naming what it may, never as missing.
      if (s.includes('$')) continue;
      const hit = namedBy(s, all);
      if (hit.length === 0) missing.push(s);
      named.push(...hit);
    }
    const files = sent.filter((f) => named.some((n) => under(f.path, n)));
    return { ins, sources, named, missing, files };
  });
}

function instructionText(ins: Instruction): string {
  const text = `${ins.rawKeyword} ${ins.args}`.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function invalidated(df: Dockerfile, ins: Instruction): { line: number; instruction: string }[] {
  const stage = df.stages[ins.stage];
  if (stage === undefined) return [];
  return stage.instructions.filter((i) => i.span.line > ins.span.line).map((i) => ({ line: i.span.line, instruction: instructionText(i) }));
}

const UNUSED_DIRS = /(?:^|\/)(?:\.git|\.hg|\.svn|test|tests|__tests__|spec|testdata|fixtures|docs?|examples?|\.github|\.idea|\.vscode|coverage|__pycache__)\//;
const UNUSED_FILES = /(?:^|\/)(?:[^/]+\.md|[^/]+\.log|\.DS_Store|Dockerfile[^/]*|\.dockerignore|\.gitignore|\.editorconfig|[^/]+\.test\.[^/]+|[^/]+\.spec\.[^/]+)$/i;

function summarise(df: Dockerfile, c: CopyRun): CopySummary {
  const unused = c.files.filter((f) => UNUSED_DIRS.test(f.path) || UNUSED_FILES.test(f.path));
  return {
    line: c.ins.span.line,
    instruction: instructionText(c.ins),
    stage: c.ins.stage,
    sources: c.sources,
    fileCount: c.files.length,
    bytes: c.files.reduce((n, f) => n + f.bytes, 0),
    unused: { heuristic: true, fileCount: unused.length, bytes: unused.reduce((n, f) => n + f.bytes, 0), examples: unused.slice(0, 5).map((f) => f.path) },
    invalidates: invalidated(df, c.ins),
  };
}

// A COPY of the whole context (or of a directory holding more than the manifests) followed by an install.
function broadCopyFindings(df: Dockerfile, runs: readonly CopyRun[]): Finding[] {
  const out: Finding[] = [];
  for (const c of runs) {
    const broad = c.named.includes('.') || c.files.length > 20;
    if (!broad) continue;
    const stage = df.stages[c.ins.stage];
    const install = stage?.instructions.find((i) => i.span.line > c.ins.span.line && i.keyword === 'RUN' && INSTALL.test(i.args));
    if (install === undefined) continue;
    const cmd = INSTALL.exec(install.args)?.[0]?.trim() ?? 'the install';
    const chk = CONTEXT_CHECKS.broadCopy;
    out.push({
      rule: chk.id,
      severity: chk.severity,
      message: `${instructionText(c.ins)} copies ${c.files.length} files before \`${cmd}\` (line ${install.span.line}): copy only the dependency manifests first, install, then copy the rest`,
      location: { line: c.ins.span.line, column: c.ins.span.column, endLine: c.ins.span.endLine },
      cacheImpact: `every change to any of ${c.files.length} copied files (${formatBytes(c.files.reduce((n, f) => n + f.bytes, 0))}) re-runs \`${cmd}\` and the ${invalidated(df, c.ins).length} instructions after this one`,
    });
  }
  return out;
}

// `RUN --mount=type=bind,source=x` without `from` reads the context too.
function bindSources(df: Dockerfile | null): string[] {
  if (df === null) return [];
  return df.instructions
    .flatMap((i) => i.run?.mounts ?? [])
    .filter((m) => m.type === 'bind' && m.options.from === undefined)
    .map((m) => cleanSource(m.options.source ?? m.options.src ?? '.'));
}

// --- the suggestion -------------------------------------------------------------------------------------

function suggest(input: ReportInput, candidates: readonly Candidate[], runs: readonly CopyRun[]): Suggestion {
  const base = readIgnoreLines(input.ignoreText);
  const needed = [...new Set([...runs.flatMap((r) => r.named), ...bindSources(input.dockerfile)])].filter((p) => p !== '.');
  const before = input.matcher;
  const added: string[] = [];
  const keptForCopy: string[] = [];
  for (const c of candidates) {
    if (added.includes(c.pattern)) continue;
    const trial = compilePatterns([...base, ...added.map((pattern) => ({ pattern, line: 0 })), { pattern: c.pattern, line: 0 }], '.dockerignore');
    if (!trial.ok) continue;
    // Never exclude what a COPY names: the path itself must still reach the build.
    const breaks = needed.some((p) => trial.value.ignores(p) && !(before?.ignores(p) ?? false));
    if (breaks) keptForCopy.push(c.pattern);
    else added.push(c.pattern);
  }
  const finalLines = [...base, ...added.map((pattern) => ({ pattern, line: 0 }))];
  const final = compilePatterns(finalLines, '.dockerignore');
  const kept = final.ok ? input.walk.files.filter((f) => !final.value.ignores(f.path)) : input.walk.files;
  const head = input.ignoreText === '' || input.ignoreText.endsWith('\n') ? input.ignoreText : `${input.ignoreText}\n`;
  const text = added.length === 0 ? head : `${head}# added by whittle context: not needed by the build\n${added.join('\n')}\n`;
  return { text, added, keptForCopy, sizeBytes: kept.reduce((n, f) => n + f.bytes, 0), fileCount: kept.length };
}

// --- config and pragmas, as the linter applies them -----------------------------------------------------

function applyConfig(findings: readonly Finding[], input: ReportInput): Finding[] {
  const ignored = new Set(input.ignored ?? []);
  const overrides = input.overrides ?? {};
  const pragmas = input.dockerfile !== null && (input.pragmas ?? true) ? readPragmas(input.dockerfile) : null;
  const out: Finding[] = [];
  for (const f of findings) {
    const level = overrides[f.rule];
    if (ignored.has(f.rule) || level === 'ignore') continue;
    if (pragmas !== null && isSilenced(pragmas, [f.rule], f.location.line)) continue;
    out.push(level === undefined ? f : { ...f, severity: level });
  }
  return sortFindings(out);
}

// --- the report -----------------------------------------------------------------------------------------

function largestDirs(files: readonly ContextFile[], top: number): PathSize[] {
  const sums = new Map<string, { bytes: number; fileCount: number }>();
  for (const f of files) {
    for (const d of ancestors(f.path)) {
      const s = sums.get(d) ?? { bytes: 0, fileCount: 0 };
      s.bytes += f.bytes;
      s.fileCount++;
      sums.set(d, s);
    }
  }
  return [...sums].map(([path, s]) => ({ path, ...s })).sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)).slice(0, top);
}

export function contextReport(input: ReportInput): ContextReport {
  const { walk, dockerfile: df } = input;
  const top = input.top ?? 10;
  const runs = resolveCopies(df, walk.files, walk.dirs);
  const copied = copiedPaths(runs);
  const candidates = classify(walk.files, relevantKinds(df));
  const findings: Finding[] = [];
  for (const c of candidates) {
    const chk = check(c.kind);
    let detail = '';
    let severity: Severity = chk.severity;
    if (c.kind === 'secret') {
      const found = secretDetail(c, input.peek);
      const name = c.paths[0]?.split('/').pop() ?? '';
      // A name that is only sometimes a secret (`.npmrc`) counts when it holds one.
      if (found === null && MAYBE_SECRET.test(name)) continue;
      detail = found === null ? '' : ` (${found})`;
      if (c.paths.some((p) => copied.has(p))) severity = 'error';
    }
    const inImage = c.paths.some((p) => copied.has(p)) ? '; a COPY puts it in the image' : '';
    findings.push({
      rule: chk.id,
      severity,
      message: `${c.shown}: ${c.files} file${c.files === 1 ? '' : 's'}, ${formatBytes(c.bytes)} sent to the builder: ${WHY[c.kind]}${detail}${inImage}; add \`${c.pattern}\` to .dockerignore`,
      location: { path: c.shown },
      bytes: c.bytes,
    });
  }
  // Files that are secrets only by content (`.npmrc` with a token) were skipped by name above when clean.
  for (const f of walk.files) {
    const name = f.path.split('/').pop() ?? '';
    if (!MAYBE_SECRET.test(name) || candidates.some((c) => c.paths.includes(f.path))) continue;
    const text = input.peek(f.path);
    const hit = text === null ? undefined : findSecrets(text)[0];
    if (hit === undefined) continue;
    candidates.push({ kind: 'secret', pattern: escapePattern(f.path), shown: f.path, files: 1, bytes: f.bytes, paths: [f.path] });
    findings.push({
      rule: CONTEXT_CHECKS.secret.id,
      severity: copied.has(f.path) ? 'error' : CONTEXT_CHECKS.secret.severity,
      message: `${f.path}: ${hit.label} ${maskSecret(hit.value)} sent to the builder${copied.has(f.path) ? '; a COPY puts it in the image' : ''}; add \`${escapePattern(f.path)}\` to .dockerignore`,
      location: { path: f.path },
      bytes: f.bytes,
    });
  }
  if (df !== null) {
    findings.push(...broadCopyFindings(df, runs));
    for (const r of runs) {
      for (const m of r.missing) {
        findings.push({
          rule: CONTEXT_CHECKS.missingSource.id,
          severity: CONTEXT_CHECKS.missingSource.severity,
          message: `${r.ins.keyword} source "${m}" matches nothing the build receives (missing, or excluded by .dockerignore): the build fails here`,
          location: { line: r.ins.span.line, column: r.ins.span.column, endLine: r.ins.span.endLine, path: m },
        });
      }
    }
  }
  for (const u of walk.unreadable.filter((x) => x.sent)) {
    findings.push({
      rule: CONTEXT_CHECKS.unreadable.id,
      severity: CONTEXT_CHECKS.unreadable.severity,
      message: `${u.path}: ${u.reason}: the builder cannot send it and fails; fix its permissions or add it to .dockerignore`,
      location: { path: u.path },
    });
  }
  const largestFiles = [...walk.files].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)).slice(0, top).map((f) => ({ path: f.path, bytes: f.bytes, fileCount: 1 }));
  return {
    schemaVersion: 1,
    sizeBytes: walk.sizeBytes,
    fileCount: walk.files.length,
    ignoredBytes: walk.ignoredBytes,
    ignoredCount: walk.excluded.length,
    largestFiles,
    largestDirs: largestDirs(walk.files, top),
    copies: df === null ? [] : runs.map((r) => summarise(df, r)),
    unreadable: walk.unreadable,
    findings: applyConfig(findings, input),
    suggestion: suggest(input, candidates, runs),
    files: walk.files,
  };
}

/** Every path a COPY/ADD names (for tests and `--verify`): these must survive any suggested `.dockerignore`. */
export function copyNamedPaths(df: Dockerfile, walk: ContextWalk): string[] {
  return [...new Set(resolveCopies(df, walk.files, walk.dirs).flatMap((r) => r.named))];
}
