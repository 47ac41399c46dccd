// `whittle analyze IMAGE`: one walk over the image -> dive's figures, exact reclaimable bytes, findings, and the CI gate.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { analyzeImage } from '../analysis/run.js';
import type { AnalysisResult } from '../analysis/run.js';
import { report as budgetReport } from '../budget/budget.js';
import type { BudgetFacts, BudgetReport, BudgetRule } from '../budget/budget.js';
import { DIVE_RULES, diveRules, parseDiveCi } from '../budget/dive-ci.js';
import type { DiveRuleKey } from '../budget/dive-ci.js';
import { whittleBudget } from '../budget/whittle.js';
import { decodeDockerfile, parseDockerfile } from '../dockerfile/parse.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { WhittleError, describeError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { imageFs } from '../image/fs.js';
import type { Image } from '../image/model.js';
import { openImage } from '../image/sources/index.js';
import type { OpenImageOptions } from '../image/sources/index.js';
import { analyzeReport, renderAnalyzeJson } from '../report/analyze.js';
import type { AnalyzeReport } from '../report/analyze.js';
import { renderAnalyzeJunit } from '../report/analyze-junit.js';
import { renderAnalyzeMarkdown } from '../report/analyze-markdown.js';
import { renderAnalyzeSarif } from '../report/analyze-sarif.js';
import { renderAnalyzeTty } from '../report/analyze-tty.js';
import type { Severity } from '../rules/rule.js';
import type { AnalyzeFormat } from './formats.js';
import { imageOptions } from './inspect.js';
import type { ImageFlags } from './inspect.js';
import type { ExitCode, Io } from './io.js';

export interface AnalyzeOptions {
  readonly format: AnalyzeFormat;
  readonly ci?: boolean;
  readonly ciConfig?: string;
  readonly platform?: string;
  readonly dockerfile?: string;
  readonly baseline?: string;
  readonly lowestEfficiency?: string;
  readonly highestWastedBytes?: string;
  readonly highestUserWastedPercent?: string;
  readonly color?: boolean;
  /** Registry access (user, password from stdin, insecure hosts, CA file), as `inspect` takes them. */
  readonly imageFlags?: Omit<ImageFlags, 'platform'>;
}

function readText(file: string): Result<string | null> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return ok(null);
    return err(new WhittleError('CONFIG', `cannot read: ${(e as Error).message}`, { file }));
  }
}

/** Every budget rule `--ci` applies: dive's three (flag > `.dive-ci` > default) and `.whittle.yaml`'s `budget:`. */
export function loadBudget(opts: AnalyzeOptions, cwd: string, warn: (s: string) => void): Result<BudgetRule[]> {
  const path = resolve(cwd, opts.ciConfig ?? '.dive-ci');
  const text = readText(path);
  if (!text.ok) return text;
  if (text.value === null && opts.ciConfig !== undefined) return err(new WhittleError('CONFIG', 'no such file (named by --ci-config)', { file: path }));
  let values: Partial<Record<DiveRuleKey, string>> = {};
  if (text.value !== null) {
    const parsed = parseDiveCi(text.value, path);
    if (!parsed.ok) return parsed;
    for (const k of parsed.value.unknown) warn(`${path}: unknown rule ${JSON.stringify(k)} ignored (dive knows ${DIVE_RULES.join(', ')})`);
    values = { ...parsed.value.values };
  }
  for (const k of DIVE_RULES) {
    const flag = opts[k];
    if (flag !== undefined) values[k] = flag;
  }
  const dive = diveRules(values, text.value === null ? {} : { file: path });
  if (!dive.ok) return dive;
  const rules = [...dive.value];
  for (const name of ['.whittle.yaml', '.whittle.yml']) {
    const file = resolve(cwd, name);
    const t = readText(file);
    if (!t.ok) return t;
    if (t.value === null) continue;
    const doc = parseDocument(t.value);
    if (doc.errors.length > 0) return err(new WhittleError('CONFIG', `not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`, { file }));
    const data: unknown = doc.toJS();
    const section = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>).budget : undefined;
    const b = whittleBudget(section, file);
    if (!b.ok) return b;
    rules.push(...b.value);
    break;
  }
  return ok(rules);
}

interface Baseline {
  readonly sizeBytes: number;
  readonly platform: string;
}

function platformOf(image: Image): string {
  return `${image.platform.os}/${image.platform.architecture}`;
}

/** A previous `analyze --format json` file, or an image to measure. */
async function loadBaseline(ref: string, options: OpenImageOptions, io: Io): Promise<Result<Baseline>> {
  const path = resolve(io.cwd, ref);
  let head: string | null = null;
  try {
    head = (await readFile(path)).toString('utf8');
  } catch {
    head = null;
  }
  if (head !== null && /^\s*\{/.test(head)) {
    let data: unknown;
    try {
      data = JSON.parse(head);
    } catch {
      return err(new WhittleError('USAGE', 'baseline is not a whittle JSON report (invalid JSON)', { file: path }));
    }
    const d = data as { schemaVersion?: unknown; image?: { sizeBytes?: unknown; os?: unknown; architecture?: unknown }; diveCompat?: unknown };
    if (d.schemaVersion !== 1 || typeof d.image?.sizeBytes !== 'number' || typeof d.image.os !== 'string' || typeof d.image.architecture !== 'string' || d.diveCompat === undefined) {
      return err(new WhittleError('USAGE', 'baseline is not a whittle JSON report (expected `whittle analyze --format json` output)', { file: path }));
    }
    return ok({ sizeBytes: d.image.sizeBytes, platform: `${d.image.os}/${d.image.architecture}` });
  }
  const image = await openImage(ref, options);
  if (!image.ok) return err(new WhittleError(image.error.code, `baseline: ${image.error.message}`, image.error.where));
  const fs = await imageFs(image.value);
  return ok({ sizeBytes: fs.layers.reduce((n, l) => n + l.sizeBytes, 0), platform: platformOf(image.value) });
}

/** The figures budgets compare, from an analysis. */
export function budgetFacts(a: AnalysisResult, baselineSizeBytes: number | null): BudgetFacts {
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of a.findings) findings[f.severity]++;
  return {
    sizeBytes: a.dive.sizeBytes,
    // A layer is the user's when base detection says so; unknown, dive's rule (above layer 0) decides.
    layers: a.layers.map((l) => ({ index: l.index, sizeBytes: l.sizeBytes, user: l.fromBase === null ? l.index >= 1 : !l.fromBase })),
    efficiency: a.dive.efficiency ?? Number.NaN,
    wastedBytes: a.dive.wastedBytes,
    userWastedRatio: a.dive.wastedBytes / a.dive.userSizeBytes,
    reclaimableBytes: a.reclaimable.bytes,
    findings,
    baselineSizeBytes,
  };
}

export function renderAnalyze(r: AnalyzeReport, format: AnalyzeFormat, color: boolean): string {
  switch (format) {
    case 'json': return renderAnalyzeJson(r);
    case 'tty': return renderAnalyzeTty(r, { color });
    case 'markdown': return renderAnalyzeMarkdown(r);
    case 'sarif': return renderAnalyzeSarif(r);
    case 'junit': return renderAnalyzeJunit(r);
  }
}

async function readDockerfile(file: string, cwd: string): Promise<Result<Dockerfile>> {
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return err(new WhittleError('IO', `cannot read Dockerfile: ${(e as Error).message}`, { file }));
  }
  const text = decodeDockerfile(bytes, file);
  if (!text.ok) return text;
  return parseDockerfile(text.value, file);
}

/** Runs the command; everything it prints goes through io, and nothing reaches stdout unless the whole run succeeded. */
export async function runAnalyze(ref: string, opts: AnalyzeOptions, io: Io): Promise<ExitCode> {
  const fail = (e: WhittleError): ExitCode => {
    io.stderr.write(`whittle: ${describeError(e)}\n`);
    return 2;
  };
  const notes: string[] = [];
  let rules: BudgetRule[] | null = null;
  if (opts.ci === true) {
    const loaded = loadBudget(opts, io.cwd, (s) => io.stderr.write(`whittle: warning: ${s}\n`));
    if (!loaded.ok) return fail(loaded.error);
    rules = loaded.value;
  }
  let dockerfile: Dockerfile | null = null;
  if (opts.dockerfile !== undefined) {
    const df = await readDockerfile(opts.dockerfile, io.cwd);
    if (!df.ok) return fail(df.error);
    dockerfile = df.value;
  }
  const openOptions = await imageOptions({ ...opts.imageFlags, ...(opts.platform === undefined ? {} : { platform: opts.platform }) }, io);
  if (!openOptions.ok) return fail(openOptions.error);
  const opened = await openImage(ref, openOptions.value);
  if (!opened.ok) return fail(opened.error);
  const image = opened.value;
  let baseline: Baseline | null = null;
  try {
    if (opts.baseline !== undefined) {
      const b = await loadBaseline(opts.baseline, openOptions.value, io);
      if (!b.ok) return fail(b.error);
      if (b.value.platform !== platformOf(image)) {
        return fail(new WhittleError('PLATFORM', `baseline is ${b.value.platform} but the image is ${platformOf(image)}`, { ref: opts.baseline }));
      }
      baseline = b.value;
    }
    const stderr = io.stderr as { isTTY?: boolean; write(s: string): unknown };
    // A progress line only for a person watching: never in CI logs, never beside a machine format.
    const progress = stderr.isTTY === true && opts.format === 'tty' && io.env.CI === undefined
      ? (p: { layer: number; layers: number; entries: number; done: boolean }): void => {
        stderr.write(`\r\x1b[Kanalyzing layer ${p.layer + 1}/${p.layers}: ${p.entries} entries`);
      }
      : undefined;
    const analysis = await analyzeImage(image, { dockerfile, ...(progress === undefined ? {} : { onProgress: progress }) });
    if (progress !== undefined) stderr.write('\r\x1b[K');
    let budget: BudgetReport | null = null;
    if (rules !== null) budget = budgetReport(rules, budgetFacts(analysis, baseline?.sizeBytes ?? null));
    if (opts.baseline !== undefined && rules === null) notes.push('--baseline is compared only with --ci');
    const r = analyzeReport(analysis, budget, notes);
    io.stdout.write(renderAnalyze(r, opts.format, opts.color ?? (io.stdout.isTTY === true && io.env.NO_COLOR === undefined)));
    return budget !== null && !budget.passed ? 1 : 0;
  } catch (e) {
    if (e instanceof WhittleError) return fail(e.where.ref === undefined ? new WhittleError(e.code, e.message, { ref: image.ref, ...e.where }, { cause: e }) : e);
    throw e;
  }
}
