// The environment layer: HADOLINT_* variables read as leniently as hadolint does, WHITTLE_* twins read strictly.
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { LINT_FORMATS } from '../report/index.js';
import type { LabelType, RuleSeverity } from '../rules/rule.js';
import type { ConfigLayer, FailureThreshold, LintConfig } from './config.js';
import {
  FAILURE_THRESHOLDS, HADOLINT_LABEL_TYPES, HADOLINT_THRESHOLDS, LABEL_TYPES, OVERRIDE_ORDER, SHELLCHECK_MODES,
  commaList, formatFromHadolint, hadolintTruthy, isHadolintFormat, isLintFormat, labelTypeFromHadolint,
  overridesFromLists, strictBoolean, thresholdFromHadolint,
} from './values.js';

export type Env = Readonly<Record<string, string | undefined>>;
// Where HADOLINT_ and WHITTLE_ twins are both set, lists add up and the WHITTLE_ value wins a scalar.
type Values = { -readonly [K in keyof LintConfig]?: LintConfig[K] };

const BOOLEANS = [
  { key: 'noFail', hadolint: ['HADOLINT_NOFAIL'], whittle: ['WHITTLE_NOFAIL', 'WHITTLE_NO_FAIL'] },
  { key: 'noColor', hadolint: ['HADOLINT_NO_COLOR'], whittle: ['WHITTLE_NO_COLOR'] },
  { key: 'verbose', hadolint: ['HADOLINT_VERBOSE'], whittle: ['WHITTLE_VERBOSE'] },
  { key: 'strictLabels', hadolint: ['HADOLINT_STRICT_LABELS'], whittle: ['WHITTLE_STRICT_LABELS'] },
  { key: 'disableIgnorePragma', hadolint: ['HADOLINT_DISABLE_IGNORE_PRAGMA'], whittle: ['WHITTLE_DISABLE_IGNORE_PRAGMA'] },
] as const;

function bad(name: string, value: string, expected: string): Result<never> {
  return err(new WhittleError(name.startsWith('--') ? 'USAGE' : 'CONFIG', `${name}: expected ${expected}, got ${JSON.stringify(value)}`));
}

/** One config layer from the environment (names as in `env`, which tests inject). */
export function configFromEnv(env: Env): Result<ConfigLayer> {
  const v: Values = {};
  const set = (name: string): string | undefined => env[name];

  for (const b of BOOLEANS) {
    // hadolint reads any value that is not truthy as false.
    for (const name of b.hadolint) {
      const raw = set(name);
      if (raw !== undefined) v[b.key] = hadolintTruthy(raw);
    }
    // https://no-color.org: set, whatever its value, means no colour.
    if (b.key === 'noColor' && set('NO_COLOR') !== undefined) v.noColor = true;
    for (const name of b.whittle) {
      const raw = set(name);
      if (raw === undefined) continue;
      const parsed = strictBoolean(raw);
      if (parsed === undefined) return bad(name, raw, 'a boolean (1/0, true/false, yes/no, on/off)');
      v[b.key] = parsed;
    }
  }

  const ignored = [...commaList(set('HADOLINT_IGNORE') ?? ''), ...commaList(set('WHITTLE_IGNORE') ?? '')];
  if (ignored.length > 0) v.ignored = [...new Set(ignored)];
  const registries = [...commaList(set('HADOLINT_TRUSTED_REGISTRIES') ?? ''), ...commaList(set('WHITTLE_TRUSTED_REGISTRIES') ?? '')];
  if (registries.length > 0) v.trustedRegistries = [...new Set(registries)];

  const lists = (prefix: string): Partial<Record<RuleSeverity, string[]>> =>
    Object.fromEntries(OVERRIDE_ORDER.map((level) => [level, commaList(set(`${prefix}_OVERRIDE_${level.toUpperCase()}`) ?? '')]));
  // hadolint has no OVERRIDE_IGNORE; WHITTLE_OVERRIDE_IGNORE is read because `override: ignore:` exists in .whittle.yaml.
  const overrides = { ...overridesFromLists({ ...lists('HADOLINT'), ignore: [] }), ...overridesFromLists(lists('WHITTLE')) };
  if (Object.keys(overrides).length > 0) v.overrides = overrides;

  const hadolintLabels = labelSchemaFromSpecs(commaList(set('HADOLINT_REQUIRE_LABELS') ?? ''), 'HADOLINT_REQUIRE_LABELS', false);
  const whittleLabels = labelSchemaFromSpecs(commaList(set('WHITTLE_REQUIRE_LABELS') ?? ''), 'WHITTLE_REQUIRE_LABELS', true);
  if (!whittleLabels.ok) return whittleLabels;
  const labels = { ...(hadolintLabels.ok ? hadolintLabels.value : {}), ...whittleLabels.value };
  if (Object.keys(labels).length > 0) v.labelSchema = labels;

  // hadolint drops a threshold it cannot read.
  const hThreshold = set('HADOLINT_FAILURE_THRESHOLD');
  const hadolintThreshold = HADOLINT_THRESHOLDS.find((t) => t === hThreshold);
  if (hadolintThreshold !== undefined) v.failureThreshold = thresholdFromHadolint(hadolintThreshold);
  const wThreshold = set('WHITTLE_FAILURE_THRESHOLD');
  if (wThreshold !== undefined) {
    const t = wThreshold.trim();
    const known: FailureThreshold | undefined = FAILURE_THRESHOLDS.find((x) => x === t) ?? (t === 'ignore' ? 'none' : undefined);
    if (known === undefined) return bad('WHITTLE_FAILURE_THRESHOLD', wThreshold, `one of ${FAILURE_THRESHOLDS.join(', ')}`);
    v.failureThreshold = known;
  }

  // hadolint skips names it does not know and writes every format listed; whittle writes the first it can.
  const hFormat = commaList(set('HADOLINT_FORMAT') ?? '').filter(isHadolintFormat).map(formatFromHadolint).find((f) => f !== undefined);
  if (hFormat !== undefined) v.format = hFormat;
  const wFormat = set('WHITTLE_FORMAT');
  if (wFormat !== undefined) {
    if (!isLintFormat(wFormat.trim())) return bad('WHITTLE_FORMAT', wFormat, `one of ${LINT_FORMATS.join(', ')}`);
    v.format = wFormat.trim() as (typeof LINT_FORMATS)[number];
  }

  const shellcheck = set('WHITTLE_SHELLCHECK');
  if (shellcheck !== undefined) {
    const mode = SHELLCHECK_MODES.find((m) => m === shellcheck.trim());
    if (mode === undefined) return bad('WHITTLE_SHELLCHECK', shellcheck, `one of ${SHELLCHECK_MODES.join(', ')}`);
    v.shellcheck = mode;
  }

  return ok({ origin: 'environment', values: v });
}

/**
 * `name:type` items, as hadolint's `--require-label` and HADOLINT_REQUIRE_LABELS take them; a bare name is
 * free text. hadolint drops items with an unknown type (`strict` false); whittle's flags and variables report them.
 */
export function labelSchemaFromSpecs(items: readonly string[], source: string, strict: boolean): Result<Record<string, LabelType>> {
  const out: Record<string, LabelType> = {};
  for (const item of items) {
    const colon = item.indexOf(':');
    const label = colon < 0 ? item : item.slice(0, colon);
    const type = colon < 0 ? '' : item.slice(colon + 1);
    const known = HADOLINT_LABEL_TYPES.find((t) => t === type) ?? LABEL_TYPES.find((t) => t === type);
    if (known === undefined) {
      if (strict) return bad(source, item, `label:type with type one of ${LABEL_TYPES.join(', ')}`);
      continue;
    }
    out[label] = labelTypeFromHadolint(known);
  }
  return ok(out);
}
