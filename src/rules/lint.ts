// The linter: runs the enabled rules over one parsed Dockerfile, then applies severity overrides, ignore
// lists, pragmas and BuildKit's `# check=` options, and merges findings that several rulesets report for the
// same thing on the same line.
import type { Dockerfile } from '../dockerfile/model.js';
import { experimentalRequested, gateBuildkitFinding, isSkippedByCheck, readCheckPlan } from './check-directive.js';
import { isSilenced, readPragmas } from './pragmas.js';
import type { Finding, Rule, RuleContext, RuleSeverity } from './rule.js';

export interface LintOptions {
  readonly rules: readonly Rule[];
  readonly context: RuleContext;
  /** Rule id (or alias) -> severity, as `.hadolint.yaml`'s `override`; `ignore` turns a rule off. */
  readonly overrides?: Readonly<Record<string, RuleSeverity>>;
  /** Ids (or aliases) never reported. */
  readonly ignored?: readonly string[];
  /** Honour `# hadolint ignore=` pragmas (false with `disable-ignore-pragma`). */
  readonly pragmas?: boolean;
  /** Findings produced outside the rule set for this file (ShellCheck), filtered by the same config. */
  readonly extraFindings?: readonly Finding[];
}

export function lintDockerfile(df: Dockerfile, options: LintOptions): Finding[] {
  const overrides = options.overrides ?? {};
  const ignored = new Set(options.ignored ?? []);
  const pragmas = readPragmas(df);
  const usePragmas = options.pragmas ?? true;
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  // BuildKit's `# check=` directive (or the BUILDKIT_DOCKERFILE_CHECK build argument) and `# check=` comments.
  const plan = readCheckPlan(df, options.context.buildArgs, options.rules);
  const raw: Finding[] = [];
  for (const rule of options.rules) {
    // Ignored rules still run, so that their twins are recognised and dropped with them below; ignoring
    // DL3060 must not silence WH100's npm findings, which DL3060 never reports. Only a rule that is off by
    // default (hadolint's `ignore` level) and not raised by config is skipped.
    const own = overrides[rule.id];
    // BuildKit's experimental checks are off by default too, until `# check=experimental=` names them.
    const asked = own === undefined && rule.origin === 'buildkit' && rule.severity === 'ignore' && experimentalRequested(plan, rule);
    if (own === undefined && rule.severity === 'ignore' && !asked) continue;
    // A rule may rate a finding below its default (WH310's `--network=host`); a config override rates them all.
    for (const found of rule.check(df, options.context)) {
      const f = rule.origin === 'buildkit' ? gateBuildkitFinding(plan, rule, found, asked) : found;
      if (f !== null) raw.push(own === undefined || own === 'ignore' ? f : { ...f, severity: own });
    }
  }
  for (const f of options.extraFindings ?? []) {
    const level = overrides[f.rule] ?? f.severity;
    if (level === 'ignore' || ignored.has(f.rule)) continue;
    raw.push({ ...f, severity: level });
  }
  const kept: Finding[] = [];
  for (const f of mergeAliases(raw, byId)) {
    const names = [f.rule, ...(f.aliases ?? [])];
    if (names.some((n) => ignored.has(n) || overrides[n] === 'ignore')) continue;
    if (usePragmas && isSilenced(pragmas, names, f.location.line)) continue;
    if (isSkippedByCheck(plan, names, f.location.line)) continue;
    const level = names.map((n) => overrides[n]).find((o) => o !== undefined);
    const leveled = level === undefined || level === 'ignore' ? f : { ...f, severity: level };
    // `# check=error=true` makes BuildKit fail the build on any of its findings: here they become errors.
    const fails = plan.options.error && names.some((n) => byId.get(n)?.origin === 'buildkit');
    kept.push(fails ? { ...leveled, severity: 'error' } : leveled);
  }
  return sortFindings(kept).map((f) => ({ ...f, location: { file: df.file, ...f.location } }));
}

function twins(a: Rule | undefined, b: string, bRule: Rule | undefined): boolean {
  return (a?.aliases ?? []).includes(b) || (a !== undefined && (bRule?.aliases ?? []).includes(a.id));
}

// Two rules that name each other as aliases and fire on the same line are one finding: the first registered
// keeps its id and message, the other ids go to `aliases`, and what only the twin measured (bytes, cache
// impact, a fix) is kept.
function mergeAliases(findings: readonly Finding[], byId: ReadonlyMap<string, Rule>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const rule = byId.get(f.rule);
    const i = out.findIndex((o) => o.location.line === f.location.line && o.rule !== f.rule && twins(byId.get(o.rule), f.rule, rule));
    const twin = out[i];
    if (twin === undefined) {
      out.push(f);
      continue;
    }
    out[i] = {
      ...twin,
      aliases: [...new Set([...(twin.aliases ?? []), f.rule])],
      ...(twin.bytes === undefined && f.bytes !== undefined ? { bytes: f.bytes } : {}),
      ...(twin.cacheImpact === undefined && f.cacheImpact !== undefined ? { cacheImpact: f.cacheImpact } : {}),
      ...((twin.fix ?? []).length === 0 && (f.fix ?? []).length > 0 && f.fix ? { fix: f.fix } : {}),
    };
  }
  return out;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}
