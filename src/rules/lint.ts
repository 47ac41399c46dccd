// The linter: runs the enabled rules over one parsed Dockerfile, then applies severity overrides, ignore
// lists and pragmas, and merges findings that several rulesets report for the same thing on the same line.
import type { Dockerfile } from '../dockerfile/model.js';
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

function namesOf(rule: Pick<Rule, 'id' | 'aliases'>): string[] {
  return [rule.id, ...(rule.aliases ?? [])];
}

/** The level a rule runs at once config has spoken. */
export function effectiveSeverity(rule: Pick<Rule, 'id' | 'aliases' | 'severity'>, overrides: Readonly<Record<string, RuleSeverity>>): RuleSeverity {
  for (const n of namesOf(rule)) {
    const o = overrides[n];
    if (o !== undefined) return o;
  }
  return rule.severity;
}

export function lintDockerfile(df: Dockerfile, options: LintOptions): Finding[] {
  const overrides = options.overrides ?? {};
  const ignored = new Set(options.ignored ?? []);
  const pragmas = readPragmas(df);
  const usePragmas = options.pragmas ?? true;
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  const raw: Finding[] = [];
  for (const rule of options.rules) {
    const level = effectiveSeverity(rule, overrides);
    if (level === 'ignore') continue;
    if (namesOf(rule).some((n) => ignored.has(n))) continue;
    // A rule may rate a finding below its default (WH310's `--network=host`); a config override rates them all.
    for (const f of rule.check(df, options.context)) raw.push({ ...f, severity: level === rule.severity ? f.severity : level });
  }
  for (const f of options.extraFindings ?? []) {
    const level = overrides[f.rule] ?? f.severity;
    if (level === 'ignore' || ignored.has(f.rule)) continue;
    raw.push({ ...f, severity: level });
  }
  const kept = raw.filter((f) => {
    const rule = byId.get(f.rule);
    const names = rule ? namesOf(rule) : [f.rule];
    return !(usePragmas && isSilenced(pragmas, names, f.location.line));
  });
  return sortFindings(mergeAliases(kept, byId)).map((f) => ({ ...f, location: { file: df.file, ...f.location } }));
}

// Two rules that name each other as aliases and fire on the same line are one finding: the first
// registered keeps its id and message, the other ids go to `aliases`.
function mergeAliases(findings: readonly Finding[], byId: ReadonlyMap<string, Rule>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const rule = byId.get(f.rule);
    const twin = rule?.aliases?.length
      ? out.find((o) => o.location.line === f.location.line && (rule.aliases ?? []).includes(o.rule))
      : undefined;
    if (twin === undefined) {
      out.push(f);
      continue;
    }
    const i = out.indexOf(twin);
    out[i] = { ...twin, aliases: [...new Set([...(twin.aliases ?? []), f.rule])] };
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
