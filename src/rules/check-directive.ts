// BuildKit's check configuration, read as `docker build` reads it: the `# check=` parser directive, replaced
// as a whole by the BUILDKIT_DOCKERFILE_CHECK build argument, plus `# check=` comments right above an instruction.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { attachedComments, directiveLines } from './buildkit.js';
import type { Finding, Rule } from './rule.js';

export const CHECK_BUILD_ARG = 'BUILDKIT_DOCKERFILE_CHECK';

export interface CheckOptions {
  readonly skipAll: boolean;
  readonly skip: readonly string[];
  readonly experimentalAll: boolean;
  readonly experimental: readonly string[];
  /** `error=true`: BuildKit fails the build on any violation; whittle reports them as errors. */
  readonly error: boolean;
}

export const NO_CHECK_OPTIONS: CheckOptions = Object.freeze({ skipAll: false, skip: [], experimentalAll: false, experimental: [], error: false });

export interface CheckProblem {
  /** The directive's or comment's line; null for the build argument. */
  readonly line: number | null;
  readonly message: string;
}

/** The options in force for a file, the narrower ones of `# check=` comments, and what could not be read. */
export interface CheckPlan {
  readonly options: CheckOptions;
  /** Options a `# check=` comment adds for the lines of the instruction below it. */
  readonly scoped: readonly { readonly from: number; readonly to: number; readonly options: CheckOptions }[];
  readonly problems: readonly CheckProblem[];
}

/**
 * Checks BuildKit runs once for the whole file with the file's options, so a `# check=` comment above one
 * instruction does not reach them.
 */
const FILE_WIDE = new Set(['NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ReservedStageName', 'InvalidDefaultArgInFrom', 'InvalidBaseImagePlatform']);

function names(value: string): string[] {
  return value.split(',').map((s) => s.trim());
}

/**
 * BuildKit's option syntax (`skip=A,B;error=true;experimental=all`). BuildKit rejects the whole text on the
 * first bad part and fails the build; whittle keeps the parts it understands and says what it dropped.
 */
export function parseCheckOptions(text: string): { readonly options: CheckOptions; readonly problems: readonly string[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { options: NO_CHECK_OPTIONS, problems: [] };
  const problems: string[] = [];
  let skipAll = false;
  let skip: string[] = [];
  let experimentalAll = false;
  let experimental: string[] = [];
  let error = false;
  // Like BuildKit, at most three parts: a fourth `;` stays inside the third part's value.
  const parts = trimmed.split(';');
  const limited = parts.length > 3 ? [parts[0] ?? '', parts[1] ?? '', parts.slice(2).join(';')] : parts;
  for (const part of limited) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      problems.push(`invalid check option "${part}": expected key=value`);
      continue;
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    switch (key) {
      case 'skip':
        if (value === 'all') skipAll = true;
        else skip = names(value);
        break;
      case 'experimental':
        if (value === 'all') experimentalAll = true;
        else experimental = names(value);
        break;
      case 'error': {
        const flag = parseGoBool(value);
        if (flag === null) problems.push(`invalid check option "${part}": error takes true or false`);
        else error = flag;
        break;
      }
      default:
        problems.push(`invalid check option "${key}": known options are skip, error and experimental`);
    }
  }
  return { options: { skipAll, skip, experimentalAll, experimental, error }, problems };
}

// strconv.ParseBool's spellings, which BuildKit accepts for `error=`.
function parseGoBool(value: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return null;
}

const CHECK_COMMENT = /^check\s*=\s*(.+?)\s*$/i;

// BuildKit reads a directive's value up to its first blank: `# check=skip=A, B` skips `A,` only.
function firstWord(value: string): string {
  return value.trim().split(/\s/)[0] ?? '';
}

function unknownNames(options: CheckOptions, known: ReadonlySet<string>): string[] {
  return [...options.skip, ...options.experimental].filter((n) => n !== '' && !known.has(n));
}

function describeUnknown(name: string, known: ReadonlySet<string>): string {
  const near = [...known].find((k) => k.toLowerCase() === name.toLowerCase());
  return `unknown rule "${name}" in check options${near === undefined ? '' : ` (did you mean ${near}?)`}`;
}

const NO_PLAN: CheckPlan = Object.freeze({ options: NO_CHECK_OPTIONS, scoped: [], problems: [] });

/** Reads the file's check options and the `# check=` comments; `rules` tells which names are known. */
export function readCheckPlan(df: Dockerfile, buildArgs: Readonly<Record<string, string>>, rules: readonly Rule[]): CheckPlan {
  // Most files have no check options at all; this runs for every file linted, so say so cheaply.
  if (df.directives.check === null && !Object.hasOwn(buildArgs, CHECK_BUILD_ARG) && !/#\s*check\s*=/i.test(df.source)) return NO_PLAN;
  const known = new Set(rules.flatMap((r) => [r.id, ...(r.aliases ?? [])]));
  const problems: CheckProblem[] = [];
  const fromArg = Object.hasOwn(buildArgs, CHECK_BUILD_ARG);
  const text = fromArg ? (buildArgs[CHECK_BUILD_ARG] ?? '') : firstWord(df.directives.check ?? '');
  const line = fromArg ? null : (directiveLine(df) ?? 1);
  const file = parseCheckOptions(text);
  for (const p of file.problems) problems.push({ line, message: p });
  for (const n of unknownNames(file.options, known)) problems.push({ line, message: describeUnknown(n, known) });
  const scoped: { from: number; to: number; options: CheckOptions }[] = [];
  for (const [ins, comments] of attachedComments(df)) {
    // BuildKit takes the first `check=` comment above an instruction and ignores it whole when it is malformed.
    const c = comments.find((x) => CHECK_COMMENT.test(x.text));
    if (c === undefined) continue;
    const parsed = parseCheckOptions(firstWord(CHECK_COMMENT.exec(c.text)?.[1] ?? ''));
    for (const p of parsed.problems) problems.push({ line: c.line, message: `${p} (this comment is ignored)` });
    for (const n of unknownNames(parsed.options, known)) problems.push({ line: c.line, message: describeUnknown(n, known) });
    if (parsed.problems.length === 0) scoped.push({ ...spanOf(ins), options: parsed.options });
  }
  return { options: file.options, scoped, problems };
}

function spanOf(ins: Instruction): { from: number; to: number } {
  return { from: ins.span.line, to: ins.span.endLine };
}

function directiveLine(df: Dockerfile): number | undefined {
  const lines = df.source.split(/\r?\n/);
  return [...directiveLines(df)].find((l) => /^#\s*check\s*=/i.test(lines[l - 1] ?? ''));
}

// Options of the `# check=` comments over `line`, unless one of the finding's names is a file-wide check.
function scopedAt(plan: CheckPlan, names: readonly string[], line: number | undefined): CheckOptions[] {
  if (line === undefined || names.some((n) => FILE_WIDE.has(n))) return [];
  return plan.scoped.filter((s) => line >= s.from && line <= s.to).map((s) => s.options);
}

/**
 * Whether a finding known by `names` (its rule id and aliases) is skipped at `line`. Naming any of them in
 * `skip=` drops it, as `--ignore` does; `skip=all` is handled by `buildkitRuleRuns`.
 */
export function isSkippedByCheck(plan: CheckPlan, names: readonly string[], line: number | undefined): boolean {
  return [plan.options, ...scopedAt(plan, names, line)].some((o) => names.some((n) => o.skip.includes(n)));
}

function experimentalOn(o: CheckOptions, rule: Rule): boolean {
  return o.experimentalAll || [rule.id, ...(rule.aliases ?? [])].some((n) => o.experimental.includes(n));
}

/** Whether an experimental BuildKit rule is turned on anywhere (file options or a comment). */
export function experimentalRequested(plan: CheckPlan, rule: Rule): boolean {
  return experimentalOn(plan.options, rule) || plan.scoped.some((s) => experimentalOn(s.options, rule));
}

/** Whether an experimental rule's finding at `line` is on there (a comment may turn it on for one instruction). */
export function experimentalOnAt(plan: CheckPlan, rule: Rule, line: number | undefined): boolean {
  return experimentalOn(plan.options, rule) || scopedAt(plan, [rule.id], line).some((o) => experimentalOn(o, rule));
}

/**
 * Whether a finding of a BuildKit rule survives `skip=all`. That turns BuildKit's checks off, not the hadolint
 * rules that share a finding with them, so it acts before twins are merged; experimental rules ignore it.
 */
export function survivesSkipAll(plan: CheckPlan, rule: Rule, line: number | undefined): boolean {
  return !(plan.options.skipAll || scopedAt(plan, [rule.id], line).some((o) => o.skipAll));
}

/**
 * A BuildKit rule's finding as the check options leave it, or null. `asked`: the rule is experimental (off by
 * default) and was turned on by `experimental=`; its findings then count as the warnings BuildKit prints.
 */
export function gateBuildkitFinding(plan: CheckPlan, rule: Rule, finding: Finding, asked: boolean): Finding | null {
  const line = finding.location.line;
  if (asked) return experimentalOnAt(plan, rule, line) ? { ...finding, severity: 'warning' } : null;
  if (rule.severity === 'ignore') return finding; // raised by config, not by BuildKit's options
  return survivesSkipAll(plan, rule, line) ? finding : null;
}
