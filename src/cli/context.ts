// `whittle context [DIR]`: what the build receives, what .dockerignore saves and should save, per COPY what it
// takes and costs; prints or writes a suggested .dockerignore; with --verify proves it with two buildah builds.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LintConfig } from '../config/config.js';
import { parseDockerignore } from '../context/dockerignore.js';
import type { Matcher } from '../context/dockerignore.js';
import { renderContext } from '../context/render.js';
import type { ContextFormat, VerifyResult } from '../context/render.js';
import { SECRET_SCAN_LIMIT, contextReport } from '../context/report.js';
import type { ContextReport } from '../context/report.js';
import { walkContext } from '../context/walk.js';
import type { ContextWalk } from '../context/walk.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { decodeDockerfile, parseDockerfile } from '../dockerfile/parse.js';
import { WhittleError, describeError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { ExitCode, Io } from './io.js';
import { failsThreshold } from './lint.js';

export interface ContextRun {
  readonly dir: string;
  readonly file?: string | undefined;
  readonly format: ContextFormat;
  readonly files: boolean;
  readonly suggest: boolean;
  readonly writeDockerignore: boolean;
  readonly write: boolean;
  readonly verify: boolean;
  /** buildah storage root for --verify (base images). */
  readonly store?: string | undefined;
  readonly config: LintConfig;
}

function isDir(p: string): boolean | null {
  try {
    return statSync(p).isDirectory();
  } catch {
    return null;
  }
}

function readText(file: string): Result<string | null> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return ok(null);
    return err(new WhittleError('IO', `cannot read: ${code === 'EACCES' ? 'permission denied' : (e as Error).message}`, { file }));
  }
}

function shown(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
}

interface Loaded {
  readonly contextDir: string;
  readonly dockerfile: Dockerfile;
  readonly dockerfilePath: string;
  readonly ignoreFile: string | null;
  readonly ignoreText: string;
  readonly matcher: Matcher | null;
  readonly notes: string[];
}

/** Everything read before the walk; each failure is one line naming the file (and line). */
function load(run: ContextRun, io: Io): Result<Loaded> {
  const contextDir = path.resolve(io.cwd, run.dir);
  const kind = isDir(contextDir);
  if (kind === null) return err(new WhittleError('NOT_FOUND', 'build context not found', { file: run.dir }));
  if (!kind) return err(new WhittleError('USAGE', 'build context is not a directory', { file: run.dir }));
  const dockerfilePath = run.file === undefined ? path.join(contextDir, 'Dockerfile') : path.resolve(io.cwd, run.file);
  const dfShown = shown(dockerfilePath, io.cwd);
  const notes: string[] = [];
  const rel = path.relative(contextDir, dockerfilePath);
  // BuildKit and buildah read a Dockerfile from anywhere; only the classic builder refused one outside the context.
  if (rel.startsWith('..') || path.isAbsolute(rel)) notes.push(`${dfShown} is outside the build context (BuildKit and buildah accept that; the classic builder does not)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(dockerfilePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return err(new WhittleError('IO', `cannot read Dockerfile: ${why}`, { file: dfShown }));
  }
  const text = decodeDockerfile(bytes, dfShown);
  if (!text.ok) return text;
  const parsed = parseDockerfile(text.value, dfShown);
  if (!parsed.ok) return parsed;
  // The per-Dockerfile ignore file wins over the context's, as in BuildKit.
  for (const candidate of [`${dockerfilePath}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
    const ignore = readText(candidate);
    if (!ignore.ok) return ignore;
    if (ignore.value === null) continue;
    const name = shown(candidate, io.cwd);
    const matcher = parseDockerignore(ignore.value, name);
    if (!matcher.ok) return matcher;
    return ok({ contextDir, dockerfile: parsed.value, dockerfilePath, ignoreFile: candidate, ignoreText: ignore.value, matcher: matcher.value, notes });
  }
  return ok({ contextDir, dockerfile: parsed.value, dockerfilePath, ignoreFile: null, ignoreText: '', matcher: null, notes });
}

function peeker(contextDir: string, walk: ContextWalk): (rel: string) => string | null {
  const sizes = new Map(walk.files.map((f) => [f.path, f]));
  return (rel) => {
    const f = sizes.get(rel);
    if (f === undefined || f.type !== 'file' || f.bytes > SECRET_SCAN_LIMIT) return null;
    try {
      return readFileSync(path.join(contextDir, rel), 'utf8');
    } catch {
      return null;
    }
  };
}

/** Write next to the target and rename over it: a reader never sees half a file. */
export function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.whittle-${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

async function verify(loaded: Loaded, report: ContextReport, store: string | undefined): Promise<Result<VerifyResult>> {
  const { buildOnce } = await import('../context/verify.js');
  const base = { contextDir: loaded.contextDir, dockerfile: loaded.dockerfilePath, store };
  const current = await buildOnce({ ...base, ignoreText: loaded.ignoreFile === null ? null : loaded.ignoreText });
  if (!current.ok) return current;
  const suggested = await buildOnce({ ...base, ignoreText: report.suggestion.text });
  if (!suggested.ok) return suggested;
  return ok({
    current: { ...current.value, contextBytes: report.sizeBytes, contextFiles: report.fileCount },
    suggested: { ...suggested.value, contextBytes: report.suggestion.sizeBytes, contextFiles: report.suggestion.fileCount },
  });
}

export async function runContext(run: ContextRun, io: Io): Promise<ExitCode> {
  const loaded = load(run, io);
  if (!loaded.ok) {
    io.stderr.write(`whittle: ${describeError(loaded.error)}\n`);
    return 2;
  }
  const l = loaded.value;
  const walk = walkContext(l.contextDir, l.matcher);
  const report = contextReport({
    walk,
    dockerfile: l.dockerfile,
    matcher: l.matcher,
    ignoreText: l.ignoreText,
    peek: peeker(l.contextDir, walk),
    ignored: run.config.ignored,
    overrides: run.config.overrides,
    pragmas: !run.config.disableIgnorePragma,
  });
  for (const u of walk.unreadable.filter((x) => x.sent)) io.stderr.write(`whittle: ${u.path}: ${u.reason}: the build would fail reading it\n`);
  if (run.suggest || run.writeDockerignore) {
    const target = l.ignoreFile ?? path.join(l.contextDir, '.dockerignore');
    if (run.writeDockerignore && run.write) {
      try {
        writeAtomically(target, report.suggestion.text);
      } catch (e) {
        io.stderr.write(`whittle: ${shown(target, io.cwd)}: cannot write: ${(e as Error).message}\n`);
        return 2;
      }
      io.stderr.write(`whittle: wrote ${shown(target, io.cwd)} (${report.suggestion.added.length} lines added)\n`);
    } else {
      io.stdout.write(report.suggestion.text);
      if (run.writeDockerignore) io.stderr.write(`whittle: not written; add --write to replace ${shown(target, io.cwd)}\n`);
    }
    for (const k of report.suggestion.keptForCopy) io.stderr.write(`whittle: not suggested: ${k} (a COPY names a path it would exclude)\n`);
    return buildFails(walk, report) ? 2 : 0;
  }
  let verified: VerifyResult | null = null;
  if (run.verify) {
    const v = await verify(l, report, run.store === undefined ? undefined : path.resolve(io.cwd, run.store));
    if (!v.ok) {
      io.stderr.write(`whittle: ${describeError(v.error)}\n`);
      return 2;
    }
    verified = v.value;
  }
  const rendered = renderContext(run.format, {
    report,
    context: shown(l.contextDir, io.cwd),
    dockerfile: shown(l.dockerfilePath, io.cwd),
    ignoreFile: l.ignoreFile === null ? null : shown(l.ignoreFile, io.cwd),
    notes: l.notes,
    withFiles: run.files,
    verify: verified,
  });
  io.stdout.write(rendered);
  if (buildFails(walk, report) || (verified !== null && !verified.suggested.ok)) return 2;
  return failsThreshold(report.findings, run.config) ? 1 : 0;
}

// The build itself would fail: a file it must send cannot be read, or a COPY source matches nothing.
function buildFails(walk: ContextWalk, report: ContextReport): boolean {
  return walk.unreadable.some((u) => u.sent) || report.findings.some((f) => f.rule === 'WH511');
}
