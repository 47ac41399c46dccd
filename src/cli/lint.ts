// `whittle lint`: read each Dockerfile (or stdin), lint it, render every file in one report.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintConfig } from '../config/config.js';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { decodeDockerfile, parseDockerfile } from '../dockerfile/parse.js';
import { lintReporters } from '../report/index.js';
import type { LintFormat } from '../report/index.js';
import type { LintFileResult, LintReport } from '../report/report.js';
import { SEVERITY_RANK } from '../report/report.js';
import { CHECK_BUILD_ARG, readCheckPlan } from '../rules/check-directive.js';
import { rules } from '../rules/index.js';
import { lintDockerfile } from '../rules/lint.js';
import type { Finding, RuleContext } from '../rules/rule.js';
import { DEFAULT_RULE_CONTEXT } from '../rules/rule.js';
import { VERSION } from '../version.js';
import type { ExitCode, Io } from './io.js';
import { readAll } from './io.js';
import { readSurroundings } from './lint-surroundings.js';

export interface LintRun {
  readonly files: readonly string[];
  readonly format: LintFormat;
  readonly config: LintConfig;
  /** Extra findings per parsed file (ShellCheck), computed at the edge because it spawns a process. */
  readonly extraFindings?: (file: string, df: Dockerfile, config: LintConfig) => Promise<readonly Finding[]>;
  readonly notes?: readonly string[];
  /** Build context directory (`--context`); default: each Dockerfile's directory. */
  readonly context?: string | undefined;
  /** Read registry base images for BuildKit's checks (`--pull`). */
  readonly pull?: boolean | undefined;
}

async function readInput(file: string, io: Io): Promise<Result<Buffer>> {
  try {
    if (file === '-') return ok(await readAll(io.stdin));
    return ok(await readFile(path.resolve(io.cwd, file)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return err(new WhittleError('IO', `cannot read: ${why}`, { file }));
  }
}

export async function lintFiles(run: LintRun, io: Io): Promise<{ report: LintReport; output: string; exit: ExitCode }> {
  const results: LintFileResult[] = [];
  // Malformed `# check=` options: BuildKit fails the build on them; we say so once each and lint on.
  const checkNotes = new Set<string>();
  for (const file of run.files) {
    const shown = file === '-' ? '<stdin>' : file;
    const bytes = await readInput(file, io);
    if (!bytes.ok) {
      results.push({ file: shown, source: null, findings: [], error: bytes.error });
      continue;
    }
    const text = decodeDockerfile(bytes.value, shown);
    if (!text.ok) {
      results.push({ file: shown, source: null, findings: [], error: text.error });
      continue;
    }
    const parsed = parseDockerfile(text.value, shown);
    if (!parsed.ok) {
      results.push({ file: shown, source: text.value, findings: [], error: parsed.error });
      continue;
    }
    const cfg = run.config;
    const extra = run.extraFindings ? await run.extraFindings(shown, parsed.value, cfg) : [];
    // The .dockerignore and base image configs BuildKit's checks read; whatever cannot be read becomes a note.
    const around = await readSurroundings(parsed.value, file, { context: run.context, pull: run.pull ?? false, cwd: io.cwd, env: io.env, buildArgs: cfg.buildArgs });
    for (const n of around.notes) checkNotes.add(n);
    const findings = lintDockerfile(parsed.value, {
      rules,
      context: { ...ruleContextOf(cfg), ...around.context },
      overrides: cfg.overrides,
      ignored: cfg.ignored,
      pragmas: !cfg.disableIgnorePragma,
      extraFindings: extra,
    });
    for (const p of readCheckPlan(parsed.value, cfg.buildArgs, rules).problems) {
      checkNotes.add(p.line === null ? `--build-arg ${CHECK_BUILD_ARG}: ${p.message}` : `${shown}:${p.line}: # check=: ${p.message}`);
    }
    results.push({ file: shown, source: parsed.value.source, findings, error: null });
  }
  const report: LintReport = {
    files: results,
    notes: [...(run.notes ?? []), ...checkNotes],
    rules: rules.map(({ id, title, category, severity, origin }) => ({ id, title, category, severity, origin })),
    toolVersion: VERSION,
  };
  const color = !run.config.noColor && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const output = lintReporters[run.format](report, { color });
  return { report, output, exit: exitCode(report, run.config) };
}

export function exitCode(report: LintReport, config: LintConfig): ExitCode {
  if (report.files.some((f) => f.error !== null)) return 2;
  return failsThreshold(report.files.flatMap((f) => f.findings), config) ? 1 : 0;
}

/** Whether any finding is at or above the config's failure threshold (never with `no-fail` or threshold `none`). */
export function failsThreshold(findings: readonly Finding[], config: LintConfig): boolean {
  if (config.noFail || config.failureThreshold === 'none') return false;
  const limit = SEVERITY_RANK[config.failureThreshold];
  return findings.some((f) => SEVERITY_RANK[f.severity] <= limit);
}

/** The rule context the config describes (trusted registries, label schema, build args); surroundings come on top. */
export function ruleContextOf(config: LintConfig): RuleContext {
  return { ...DEFAULT_RULE_CONTEXT, trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels, buildArgs: config.buildArgs };
}
