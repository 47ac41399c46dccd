// `whittle fix`: apply the fixes the lint rules offer, print / diff / write the result, and optionally prove it by building.
import { chmod, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dockerfile } from '../dockerfile/model.js';
import { decodeDockerfile, parseDockerfile } from '../dockerfile/parse.js';
import { WhittleError, describeError } from '../errors.js';
import { fixDockerfile } from '../rules/fix.js';
import { rules as allRules } from '../rules/index.js';
import { lintDockerfile } from '../rules/lint.js';
import type { Finding, Rule, RuleContext, TextEdit } from '../rules/rule.js';
import { DEFAULT_RULE_CONTEXT } from '../rules/rule.js';
import { applyEdits } from '../rules/fix.js';
import type { ExitCode, Io } from './io.js';
import { readAll } from './io.js';
import { unifiedDiff } from './unified-diff.js';

/** Fixes that can change what the image does (a non-root user may lose access the app needs): only on request. */
export const UNSAFE_RULES: readonly string[] = ['WH304'];

export interface FixOptions {
  readonly file: string;
  readonly mode: 'print' | 'diff' | 'write';
  readonly rule: readonly string[];
  readonly ignore: readonly string[];
  readonly unsafe: boolean;
  readonly pinDigests: boolean;
  readonly suggest?: string | undefined;
  readonly verify: boolean;
  /** Build context for --verify (default: the Dockerfile's directory). */
  readonly context?: string | undefined;
  /** buildah storage root for --verify, where base images may already be (default: a fresh temporary one). */
  readonly store?: string | undefined;
  /** Registry options for --pin-digests (tests point them at a loopback registry). */
  readonly insecureRegistries?: readonly string[];
}

const matches = (rule: Rule, id: string): boolean => rule.id === id || (rule.aliases ?? []).includes(id);

/** The rules whose fixes run: the safe fixable ones, narrowed by --rule, widened by --unsafe, minus --ignore. */
export function selectFixRules(opts: Pick<FixOptions, 'rule' | 'ignore' | 'unsafe'>, rules: readonly Rule[] = allRules): Rule[] {
  for (const id of [...opts.rule, ...opts.ignore]) {
    if (!rules.some((r) => matches(r, id))) throw new WhittleError('USAGE', `unknown rule: ${id}`);
  }
  const chosen = opts.rule.length > 0
    ? rules.filter((r) => opts.rule.some((id) => matches(r, id)))
    : rules.filter((r) => r.fixable && (opts.unsafe || !UNSAFE_RULES.includes(r.id)));
  return chosen.filter((r) => !opts.ignore.some((id) => matches(r, id)));
}

function parseOrError(text: string, file: string): Dockerfile {
  const parsed = parseDockerfile(text, file);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/** Fix `source` with `rules`, honouring ignore pragmas as lint does. */
export function fixText(source: string, rules: readonly Rule[], file = 'Dockerfile', context: RuleContext = DEFAULT_RULE_CONTEXT): string {
  parseOrError(source, file);
  // Rules that are off by default (hadolint's `ignore` level) are asked for by name here, so lint them at their own level.
  const overrides = Object.fromEntries(rules.filter((r) => r.severity === 'ignore').map((r) => [r.id, 'info' as const]));
  const findings = (df: Dockerfile): readonly Finding[] => lintDockerfile(df, { rules, context, overrides, pragmas: true });
  return fixDockerfile(source, rules, context, file, findings).text;
}

/** Findings left after fixing, as `whittle lint` would report them with its defaults. */
export function remainingFindings(text: string, file = 'Dockerfile'): Finding[] {
  return lintDockerfile(parseOrError(text, file), { rules: allRules, context: DEFAULT_RULE_CONTEXT, pragmas: true });
}

/** `FROM name:tag` -> `FROM name:tag@sha256:...`, the digest read from the registry; untagged and variable images are left alone. */
export async function pinDigests(text: string, file: string, opts: FixOptions, io: Io): Promise<string> {
  const df = parseOrError(text, file);
  const { openRegistryImage } = await import('../image/sources/registry.js');
  const edits: TextEdit[] = [];
  for (const stage of df.stages) {
    const from = stage.from.from;
    if (from === undefined || from.parentStage !== null || from.digest !== null || from.tag === null) continue;
    if (from.image.includes('$') || from.name === 'scratch') continue;
    const image = await openRegistryImage(from.image, { env: io.env, ...(opts.insecureRegistries ? { insecureRegistries: opts.insecureRegistries } : {}) });
    if (!image.ok) throw new WhittleError(image.error.code, `cannot pin ${from.image}: ${image.error.message}`, { file, line: stage.from.span.line });
    const at = df.source.indexOf(from.image, stage.from.argsStart);
    if (at < 0 || at > stage.from.span.end) continue;
    const end = at + from.image.length;
    edits.push({ start: end, end, text: `@${image.value.digest}` });
  }
  return applyEdits(text, edits);
}

/** The names at the top of the build context, which fixes may copy (WH200); null when there is no context to read. */
async function contextFiles(opts: FixOptions, io: Io): Promise<string[] | null> {
  if (opts.file === '-' && opts.context === undefined) return null;
  const dir = path.resolve(io.cwd, opts.context ?? path.dirname(opts.file));
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return null;
  }
}

async function readSource(file: string, io: Io): Promise<Buffer> {
  try {
    return file === '-' ? await readAll(io.stdin) : await readFile(path.resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new WhittleError('IO', `cannot read: ${why}`, { file });
  }
}

/** Replace `file` with `text` by temp file + rename, keeping its mode; refuse if it is read-only or changed since `original` was read. */
export async function writeAtomically(file: string, original: Buffer, text: string): Promise<void> {
  const info = await stat(file);
  // root may write anything: the mode bits are what the owner asked for.
  if ((info.mode & 0o222) === 0) throw new WhittleError('IO', 'file is read-only; not written', { file });
  const now = await readFile(file);
  if (!now.equals(original)) throw new WhittleError('IO', 'file changed on disk while fixing; not written', { file });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.whittle-${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { mode: info.mode & 0o7777, flag: 'wx' });
    await chmod(temp, info.mode & 0o7777);
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw new WhittleError('IO', `cannot write: ${(e as Error).message}`, { file });
  }
}

export async function runFix(opts: FixOptions, io: Io): Promise<ExitCode> {
  try {
    if (opts.mode === 'write' && opts.file === '-') throw new WhittleError('USAGE', '--write needs a file, not stdin');
    if (opts.suggest !== undefined && opts.suggest !== 'multistage') throw new WhittleError('USAGE', `--suggest knows only "multistage", got "${opts.suggest}"`);
    const shown = opts.file === '-' ? '<stdin>' : opts.file;
    const bytes = await readSource(opts.file, io);
    const decoded = decodeDockerfile(bytes, shown);
    if (!decoded.ok) throw decoded.error;
    const source = decoded.value;
    const context: RuleContext = { ...DEFAULT_RULE_CONTEXT, contextFiles: await contextFiles(opts, io) };
    let fixed = fixText(source, selectFixRules(opts), shown, context);
    if (opts.pinDigests) fixed = await pinDigests(fixed, shown, opts, io);
    if (opts.suggest === 'multistage') {
      const { suggestMultistage } = await import('./suggest-multistage.js');
      io.stderr.write(suggestMultistage(parseOrError(fixed, shown)) ?? 'whittle: no multi-stage rewrite to suggest: not a recognised single-stage build\n');
    }
    if (opts.verify) {
      const abs = path.resolve(io.cwd, opts.file);
      const { verifyFix, renderVerify } = await import('./verify.js');
      const report = await verifyFix({ before: source, after: fixed, context: path.resolve(io.cwd, opts.context ?? path.dirname(abs)), store: opts.store, env: io.env });
      io.stderr.write(renderVerify(report));
      if (!report.afterOk) {
        io.stderr.write(`whittle: the fixed Dockerfile does not build; ${opts.mode === 'write' ? 'file not written' : 'not applied'}: ${report.afterError ?? ''}\n`);
        return 2;
      }
    }
    if (opts.mode === 'write') {
      if (fixed !== source) await writeAtomically(path.resolve(io.cwd, opts.file), bytes, fixed);
    } else if (opts.mode === 'diff') {
      io.stdout.write(unifiedDiff(source, fixed, `a/${shown}`, `b/${shown}`));
    } else {
      io.stdout.write(fixed);
    }
    return remainingFindings(fixed, shown).length > 0 ? 1 : 0;
  } catch (e) {
    if (!(e instanceof WhittleError)) throw e;
    io.stderr.write(`whittle: ${describeError(e)}\n`);
    return 2;
  }
}
