// The words config speaks (thresholds, label types, output formats, booleans) in whittle's and hadolint's spellings.
import type { LintFormat } from '../report/index.js';
import { LINT_FORMATS } from '../report/index.js';
import type { LabelType, RuleSeverity } from '../rules/rule.js';
import type { FailureThreshold } from './config.js';

export const FAILURE_THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const satisfies readonly FailureThreshold[];
export const LABEL_TYPES = ['email', 'git-hash', 'rfc3339', 'semver', 'spdx', 'text', 'url'] as const satisfies readonly LabelType[];
export const SHELLCHECK_MODES = ['auto', 'on', 'off'] as const;

/** Severity lists of `override:`, applied in this order so that, as in hadolint, `error` wins a rule listed twice. */
export const OVERRIDE_ORDER = ['ignore', 'style', 'info', 'warning', 'error'] as const satisfies readonly RuleSeverity[];

/**
 * hadolint's thresholds. hadolint reads `ignore` and `none` as its lowest level, under which every finding
 * counts; its documentation means "never fail", which is what whittle's `none` does, so both map there.
 */
export const HADOLINT_THRESHOLDS = ['error', 'warning', 'info', 'style', 'ignore', 'none'] as const;
export function thresholdFromHadolint(t: (typeof HADOLINT_THRESHOLDS)[number]): FailureThreshold {
  return t === 'ignore' ? 'none' : t;
}

/** hadolint names `git-hash` `hash`, and an empty type means free text. */
export const HADOLINT_LABEL_TYPES = ['email', 'hash', 'rfc3339', 'semver', 'spdx', 'text', 'url', ''] as const;
export function labelTypeFromHadolint(t: (typeof HADOLINT_LABEL_TYPES)[number] | LabelType): LabelType {
  if (t === 'hash') return 'git-hash';
  if (t === '') return 'text';
  return t;
}

export const HADOLINT_FORMATS = [
  'tty', 'json', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'codacy', 'sonarqube', 'sarif', 'junit',
] as const;
export type HadolintFormat = (typeof HADOLINT_FORMATS)[number];

// hadolint's `json` is its own array shape, which whittle writes as `hadolint-json` once that reporter exists.
const FORMAT_FROM_HADOLINT: Readonly<Record<HadolintFormat, readonly string[]>> = {
  tty: ['tty'],
  json: ['hadolint-json', 'json'],
  checkstyle: ['checkstyle'],
  codeclimate: ['codeclimate'],
  gitlab_codeclimate: ['gitlab', 'gitlab_codeclimate'],
  gnu: ['gnu'],
  codacy: ['codacy'],
  sonarqube: ['sonarqube'],
  sarif: ['sarif'],
  junit: ['junit'],
};

export function isLintFormat(name: string): name is LintFormat {
  return (LINT_FORMATS as readonly string[]).includes(name);
}

/** The whittle format that writes what hadolint's `name` writes, or undefined when whittle has none. */
export function formatFromHadolint(name: HadolintFormat): LintFormat | undefined {
  return FORMAT_FROM_HADOLINT[name].find(isLintFormat);
}

export function isHadolintFormat(name: string): name is HadolintFormat {
  return (HADOLINT_FORMATS as readonly string[]).includes(name);
}

// hadolint's truthy words; anything else it reads as false.
const TRUTHY = ['1', 'y', 'on', 'true', 'yes'];
const FALSY = ['0', 'n', 'off', 'false', 'no', ''];

export function hadolintTruthy(value: string): boolean {
  return TRUTHY.includes(value.toLowerCase());
}

/** A WHITTLE_* boolean: hadolint's truthy words, their opposites, and nothing else. */
export function strictBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (TRUTHY.includes(v)) return true;
  if (FALSY.includes(v)) return false;
  return undefined;
}

/** A comma-separated list as the HADOLINT_* variables take it; blanks dropped. */
export function commaList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Severity lists -> one rule -> severity map; a rule in several lists takes the most severe, as in hadolint. */
export function overridesFromLists(
  lists: { readonly [S in RuleSeverity]?: readonly string[] | undefined },
): Record<string, RuleSeverity> {
  const out: Record<string, RuleSeverity> = {};
  for (const level of OVERRIDE_ORDER) for (const id of lists[level] ?? []) out[id] = level;
  return out;
}

/** How a value looks in an error message. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v;
}
