// `.dive-ci` read as dive reads it: a `rules:` map of three keys, text values, dive's defaults and parsers.
import { parseDocument } from 'yaml';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { atLeast, atMost } from './budget.js';
import type { BudgetRule } from './budget.js';
import { isDisabled, parseByteSize, parseRatio } from './bytes.js';

export const DIVE_RULES = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'] as const;
export type DiveRuleKey = (typeof DIVE_RULES)[number];

/** dive's built-in defaults (the READMEs' 0.95 / 20MB / 0.20 are examples, not defaults). */
export const DIVE_DEFAULTS: Readonly<Record<DiveRuleKey, string>> = {
  lowestEfficiency: '0.9',
  highestWastedBytes: 'disabled',
  highestUserWastedPercent: '0.1',
};

export interface DiveCiFile {
  /** Values as written, for the keys the file sets. */
  readonly values: Partial<Record<DiveRuleKey, string>>;
  /** Keys under `rules:` dive does not know (it ignores them silently; whittle warns). */
  readonly unknown: readonly string[];
}

/** Parses a `.dive-ci` file's text. Only `rules:` is read; every scalar stays text, as dive's viper hands it over. */
export function parseDiveCi(text: string, file: string): Result<DiveCiFile> {
  const doc = parseDocument(text, { schema: 'failsafe' });
  if (doc.errors.length > 0) return err(new WhittleError('CONFIG', `not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`, { file }));
  const data: unknown = doc.toJS();
  if (data === null || data === undefined || data === '') return ok({ values: {}, unknown: [] });
  if (typeof data !== 'object' || Array.isArray(data)) return err(new WhittleError('CONFIG', 'expected a mapping with a `rules:` key', { file }));
  const rules = (data as Record<string, unknown>).rules;
  if (rules === undefined || rules === null || rules === '') return ok({ values: {}, unknown: [] });
  if (typeof rules !== 'object' || Array.isArray(rules)) return err(new WhittleError('CONFIG', '`rules` must be a mapping', { file }));
  const values: Partial<Record<DiveRuleKey, string>> = {};
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(rules as Record<string, unknown>)) {
    if (!(DIVE_RULES as readonly string[]).includes(k)) {
      unknown.push(k);
      continue;
    }
    if (typeof v !== 'string') return err(new WhittleError('CONFIG', `rules.${k}: expected a value, got a ${Array.isArray(v) ? 'list' : 'mapping'}`, { file }));
    values[k as DiveRuleKey] = v;
  }
  return ok({ values, unknown });
}

/**
 * The three dive rules from flag > file > default text. A value dive would reject is a CONFIG error naming
 * the key and the value.
 */
export function diveRules(values: Partial<Record<DiveRuleKey, string>>, where: { file?: string } = {}): Result<BudgetRule[]> {
  const text = (k: DiveRuleKey): string => values[k] ?? DIVE_DEFAULTS[k];
  const bad = (k: DiveRuleKey, what: string): Result<never> =>
    err(new WhittleError('CONFIG', `rules.${k}: invalid value ${JSON.stringify(text(k))} (${what})`, where));
  const out: BudgetRule[] = [];
  const eff = text('lowestEfficiency');
  let limit: number | null = null;
  if (!isDisabled(eff)) {
    limit = parseRatio(eff);
    if (limit === null) return bad('lowestEfficiency', 'expected a ratio from 0 to 1');
  }
  out.push(atLeast('dive-ci:lowestEfficiency', limit, eff, (f) => f.efficiency));
  const wasted = text('highestWastedBytes');
  limit = null;
  if (!isDisabled(wasted)) {
    limit = parseByteSize(wasted);
    if (limit === null) return bad('highestWastedBytes', 'expected a size such as 20MB');
  }
  out.push(atMost('dive-ci:highestWastedBytes', limit, wasted, (f) => f.wastedBytes));
  const pct = text('highestUserWastedPercent');
  limit = null;
  if (!isDisabled(pct)) {
    limit = parseRatio(pct);
    if (limit === null) return bad('highestUserWastedPercent', 'expected a ratio from 0 to 1');
  }
  // NaN (0/0) compares false both ways, so it passes, as in dive.
  out.push(atMost('dive-ci:highestUserWastedPercent', limit, pct, (f) => (Number.isNaN(f.userWastedRatio) ? -Infinity : f.userWastedRatio)));
  return ok(out);
}
