// `whittle fix`: apply the fixes the lint rules offer, print / diff / write the result, and optionally prove it by building.
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintConfig } from '../config/config.js';
import { DEFAULT_LINT_CONFIG } from '../config/config.js';
import { topLevelContextFiles } from '../context/top-level.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { decodeDockerfile, parseDockerfile } from '../dockerfile/parse.js';
import { WhittleError, describeError } from '../errors.js';
import { fixDockerfile } from '../rules/fix.js';
import { rules as allRules } from '../rules/index.js';
import { lintDockerfile } from '../rules/lint.js';
import type { Finding, Rule, RuleContext } from '../rules/rule.js';
import { DEFAULT_RULE_CONTEXT } from '../rules/rule.js';
import type { BuilderKind } from './formats.js';
import type { ExitCode, Io } from './io.js';
import { readAll } from './io.js';
import { failsThreshold, ruleContextOf } from './lint.js';
import { pinDigests, pinTags } from './pin.js';
import { unifiedDiff } from './unified-diff.js';
import type { FixStep } from './verify.js';

/**
 * Fixes that can change what the image does, only on request: a non-root user may lose access the app needs (WH304);
 * dropping devDependencies breaks an app that files a runtime package under them (WH113).
 */
export const UNSAFE_RULES: readonly string[] = ['WH304', 'WH113'];

export interface FixOptions {
  readonly file: string;
  /** print the fixed file, a diff, write in place, or `check`: the diff, and exit 1 when there is one (for CI). */
  readonly mode: 'print' | 'diff' | 'write' | 'check';
  readonly rule: readonly string[];
  readonly ignore: readonly string[];
  readonly unsafe: boolean;
  readonly pinDigests: boolean;
  /** --pin-tags: untagged and `latest` FROM images get the most specific version tag naming the same image. */
  readonly pinTags: boolean;
  readonly suggest?: string | undefined;
  readonly verify: boolean;
  /** Build context for --verify (default: the Dockerfile's directory). */
  readonly context?: string | undefined;
  /** buildah storage root for --verify, where base images may already be (default: a fresh temporary one). */
  readonly store?: string | undefined;
  /** Which builder --verify drives (default: buildah when installed, else docker). */
  readonly builder?: BuilderKind | undefined;
  /** --verify: skip the per-fix builds and report totals only. */
  readonly totalsOnly?: boolean;
  /** --verify: also write the measurements as JSON to this file. */
  readonly report?: string | undefined;
  /** The resolved config (files, env): ignored rules, `ignore` overrides and pragmas hold for fixes as for lint. */
  readonly config?: LintConfig;
  /** Registry options for --pin-digests (tests point them at a loopback registry). */
  readonly insecureRegistries?: readonly string[];
}

const matches = (rule: Rule, id: string): boolean => rule.id === id || (rule.aliases ?? []).includes(id);

/**
 * The rules whose fixes run: the safe fixable ones, narrowed by --rule, widened by --unsafe, minus --ignore. A
 * config file's ignore list and `ignore` overrides drop rules too, unless --rule names them (the command line wins).
 */
export function selectFixRules(opts: Pick<FixOptions, 'rule' | 'ignore' | 'unsafe' | 'config'>, rules: readonly Rule[] = allRules): Rule[] {
  for (const id of [...opts.rule, ...opts.ignore]) {
    if (!rules.some((r) => matches(r, id))) throw new WhittleError('USAGE', `unknown rule: ${id}`);
  }
  const named = (r: Rule, ids: readonly string[]): boolean => ids.some((id) => matches(r, id));
  const offInConfig = (r: Rule): boolean => {
    const cfg = opts.config;
    if (cfg === undefined) return false;
    // Every name the finding goes by in lint: its own, its aliases, and the rules that name it as theirs.
    const names = [r.id, ...(r.aliases ?? []), ...rules.filter((o) => (o.aliases ?? []).includes(r.id)).map((o) => o.id)];
    return names.some((id) => cfg.ignored.includes(id) || cfg.overrides[id] === 'ignore');
  };
  const chosen = opts.rule.length > 0
    ? rules.filter((r) => named(r, opts.rule))
    : rules.filter((r) => r.fixable && (opts.unsafe || !UNSAFE_RULES.includes(r.id)) && !offInConfig(r));
  return chosen.filter((r) => !named(r, opts.ignore));
}

function parseOrError(text: string, file: string): Dockerfile {
  const parsed = parseDockerfile(text, file);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/** Fix `source` with `rules`, honouring ignore pragmas as lint does (unless `pragmas` is false: --disable-ignore-pragma). */
export function fixText(source: string, rules: readonly Rule[], file = 'Dockerfile', context: RuleContext = DEFAULT_RULE_CONTEXT, pragmas = true): string {
  parseOrError(source, file);
  // Rules that are off by default (hadolint's `ignore` level) are asked for by name here, so lint them at their own level.
  const overrides = Object.fromEntries(rules.filter((r) => r.severity === 'ignore').map((r) => [r.id, 'info' as const]));
  const findings = (df: Dockerfile): readonly Finding[] => lintDockerfile(df, { rules, context, overrides, pragmas });
  return fixDockerfile(source, rules, context, file, findings).text;
}

/**
 * The fixing split into steps for --verify's per-fix figures. A rule joins when adding it to the rules that have
 * changed something so far changes the text; sweeps repeat so that a fix another fix makes possible (DL3009's
 * cleanup once DL3059 has merged the RUNs) is a step of its own. Whatever only the whole set does is a last step.
 */
export function fixSteps(source: string, rules: readonly Rule[], file = 'Dockerfile', context: RuleContext = DEFAULT_RULE_CONTEXT, pragmas = true): FixStep[] {
  const steps: FixStep[] = [];
  const effective = new Set<Rule>();
  let pending = [...rules];
  let previous = source;
  for (let progressed = true; progressed;) {
    progressed = false;
    for (const rule of pending) {
      const text = fixText(source, rules.filter((r) => effective.has(r) || r === rule), file, context, pragmas);
      if (text === previous) continue;
      steps.push({ rules: [rule.id], text });
      effective.add(rule);
      previous = text;
      progressed = true;
    }
    pending = pending.filter((r) => !effective.has(r));
  }
  const whole = fixText(source, rules, file, context, pragmas);
  if (whole !== previous) steps.push({ rules: pending.map((r) => r.id), text: whole });
  return steps;
}

/** Findings left after fixing, as `whittle lint` would report them with the same config (defaults without one). */
export function remainingFindings(text: string, file = 'Dockerfile', config: LintConfig = DEFAULT_LINT_CONFIG): Finding[] {
  return lintDockerfile(parseOrError(text, file), {
    rules: allRules,
    context: ruleContextOf(config),
    overrides: config.overrides,
    ignored: config.ignored,
    pragmas: !config.disableIgnorePragma,
  });
}

/** The names at the top of the build context, which fixes may copy (WH200); null when there is no context to read. */
async function contextFiles(opts: FixOptions, io: Io): Promise<readonly string[] | null> {
  if (opts.file === '-' && opts.context === undefined) return null;
  const dir = path.resolve(io.cwd, opts.context ?? path.dirname(opts.file));
  // What .dockerignore excludes is not in the context either: a COPY of it would fail the build.
  return topLevelContextFiles(dir, opts.file === '-' ? null : path.resolve(io.cwd, opts.file));
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

/** Write a file whole or not at all (temp file + rename), for reports the user asked for by name. */
async function writeNew(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.whittle-${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
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
    const config = opts.config ?? DEFAULT_LINT_CONFIG;
    const context: RuleContext = { ...ruleContextOf(config), contextFiles: await contextFiles(opts, io) };
    const pragmas = !config.disableIgnorePragma;
    const selected = selectFixRules(opts);
    const ruleFixed = fixText(source, selected, shown, context, pragmas);
    let fixed = ruleFixed;
    if (opts.pinTags) fixed = await pinTags(fixed, shown, opts, io);
    if (opts.pinDigests) fixed = await pinDigests(fixed, shown, opts, io);
    if (opts.suggest === 'multistage') {
      const { suggestMultistage } = await import('./suggest-multistage.js');
      io.stderr.write(suggestMultistage(parseOrError(fixed, shown)) ?? 'whittle: no multi-stage rewrite to suggest: not a recognised single-stage build\n');
    }
    if (opts.verify) {
      const abs = path.resolve(io.cwd, opts.file);
      const { verifyFix, renderVerify, verifyJson } = await import('./verify.js');
      const steps: FixStep[] = opts.totalsOnly === true ? [] : fixSteps(source, selected, shown, context, pragmas);
      // Pinning changes no bytes the builder sees, but it is a change of its own: a step, so the last step is `fixed`.
      if (steps.length > 0 && fixed !== ruleFixed) steps.push({ rules: ['pin'], text: fixed });
      const report = await verifyFix({
        before: source, after: fixed, steps, context: path.resolve(io.cwd, opts.context ?? path.dirname(abs)), dockerfile: opts.file === '-' ? null : abs,
        store: opts.store, builder: opts.builder, env: io.env,
      });
      io.stderr.write(renderVerify(report));
      if (!report.afterOk) {
        io.stderr.write(`whittle: the fixed Dockerfile does not build; ${opts.mode === 'write' ? 'file not written' : 'not applied'}: ${report.afterError ?? ''}\n`);
        return 2;
      }
      if (opts.report !== undefined) await writeNew(path.resolve(io.cwd, opts.report), verifyJson(report, shown));
    }
    if (opts.mode === 'write') {
      if (fixed !== source) await writeAtomically(path.resolve(io.cwd, opts.file), bytes, fixed);
    } else if (opts.mode === 'diff' || opts.mode === 'check') {
      io.stdout.write(unifiedDiff(source, fixed, `a/${shown.replace(/^\/+/, '')}`, `b/${shown.replace(/^\/+/, '')}`));
      // --check answers one question, whether fixing would change the file; findings it cannot fix are lint's.
      if (opts.mode === 'check') return fixed === source ? 0 : 1;
    } else {
      io.stdout.write(fixed);
    }
    return failsThreshold(remainingFindings(fixed, shown, config), config) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof WhittleError)) throw e;
    io.stderr.write(`whittle: ${describeError(e)}\n`);
    return 2;
  }
}
