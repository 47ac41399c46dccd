// Budgets: rules with a limit, checked against an analysis's figures -> pass, fail or skip, each with limit and actual.
import type { Severity } from '../rules/rule.js';

export type BudgetStatus = 'pass' | 'fail' | 'skip';

export interface BudgetResult {
  /** `dive-ci:lowestEfficiency`, `budget:maxImageSize`, `budget:maxLayerSize[3]` ... */
  readonly rule: string;
  /** The limit as a number (bytes or ratio); null when the rule is disabled. */
  readonly limit: number | null;
  /** The limit as the user wrote it (dive echoes `0.90` as `0.90`). */
  readonly limitText: string;
  /** The measured figure; null when there is none (no baseline, a 0/0 ratio). */
  readonly actual: number | null;
  readonly status: BudgetStatus;
}

export interface BudgetReport {
  readonly passed: boolean;
  readonly results: readonly BudgetResult[];
}

/** The figures budgets read, from one analysis (and its baseline). */
export interface BudgetFacts {
  readonly sizeBytes: number;
  readonly layers: readonly { readonly index: number; readonly sizeBytes: number; readonly user: boolean }[];
  readonly efficiency: number;
  readonly wastedBytes: number;
  /** wastedBytes / userSizeBytes as dive divides: NaN for 0/0, +Infinity for x/0. */
  readonly userWastedRatio: number;
  readonly reclaimableBytes: number;
  readonly findings: Readonly<Record<Severity, number>>;
  /** The baseline image's size; null without `--baseline`. */
  readonly baselineSizeBytes: number | null;
}

/** One rule: a name, the limit as written and parsed, and how it reads the facts. */
export interface BudgetRule {
  readonly rule: string;
  readonly limit: number | null;
  readonly limitText: string;
  evaluate(facts: BudgetFacts): readonly BudgetResult[];
}

export function report(rules: readonly BudgetRule[], facts: BudgetFacts): BudgetReport {
  const results = rules.flatMap((r) => r.evaluate(facts));
  return { passed: results.every((r) => r.status !== 'fail'), results };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

// One limit on one figure; `fails` says which side of the limit breaks it.
function bound(rule: string, limit: number | null, limitText: string, actual: (f: BudgetFacts) => number | null, fails: (actual: number, limit: number) => boolean): BudgetRule {
  return {
    rule,
    limit,
    limitText,
    evaluate(f) {
      const a = actual(f);
      if (limit === null || a === null) return [{ rule, limit, limitText, actual: a === null ? null : finite(a), status: 'skip' }];
      return [{ rule, limit, limitText, actual: finite(a), status: fails(a, limit) ? 'fail' : 'pass' }];
    },
  };
}

/** A rule that fails when `actual > limit` (a NaN actual never fails, +Infinity always does, as in Go). */
export function atMost(rule: string, limit: number | null, limitText: string, actual: (f: BudgetFacts) => number | null): BudgetRule {
  return bound(rule, limit, limitText, actual, (a, l) => a > l);
}

/** A rule that fails when `limit > actual`. */
export function atLeast(rule: string, limit: number | null, limitText: string, actual: (f: BudgetFacts) => number | null): BudgetRule {
  return bound(rule, limit, limitText, actual, (a, l) => l > a);
}
