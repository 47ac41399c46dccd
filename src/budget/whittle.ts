// The `budget:` section of `.whittle.yaml`: image, layer and waste limits, finding counts, growth against a baseline.
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { SEVERITIES } from '../rules/rule.js';
import { atLeast, atMost } from './budget.js';
import type { BudgetFacts, BudgetResult, BudgetRule } from './budget.js';
import { parseByteSize, parseRatio } from './bytes.js';

export const BUDGET_KEYS = [
  'maxImageSize', 'maxLayerSize', 'maxUserLayerSize', 'minEfficiency', 'maxWastedBytes', 'maxWastedPercent',
  'maxReclaimableBytes', 'maxFindings', 'maxGrowth',
] as const;

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
}

/** Bytes: a non-negative integer, or text as `.dive-ci` writes sizes (`20MB`, `1.5MiB`). */
function bytes(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : null;
  return typeof v === 'string' ? parseByteSize(v) : null;
}

/** A ratio: a number in [0, 1], or text `N%`. */
function ratio(v: unknown): number | null {
  if (typeof v === 'number') return v >= 0 && v <= 1 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
  if (m !== null) {
    const r = Number(m[1]) / 100;
    return r <= 1 ? r : null;
  }
  return parseRatio(v);
}

/** One result per matching layer, named `rule[index]`. */
function perLayer(rule: string, limit: number, text: string, pick: (l: BudgetFacts['layers'][number]) => boolean): BudgetRule {
  return {
    rule,
    limit,
    limitText: text,
    evaluate(f) {
      const out: BudgetResult[] = f.layers.filter(pick).map((l) => ({
        rule: `${rule}[${l.index}]`, limit, limitText: text, actual: l.sizeBytes, status: l.sizeBytes > limit ? 'fail' : 'pass',
      }));
      return out.length > 0 ? out : [{ rule, limit, limitText: text, actual: null, status: 'skip' }];
    },
  };
}

/** Parses `budget:` (already YAML-decoded); a bad key or value is one CONFIG error naming both. */
export function whittleBudget(section: unknown, file: string): Result<BudgetRule[]> {
  if (section === undefined || section === null) return ok([]);
  const where = { file };
  if (typeof section !== 'object' || Array.isArray(section)) return err(new WhittleError('CONFIG', 'budget: expected a mapping of limits', where));
  const bad = (key: string, v: unknown, what: string): Result<never> => err(new WhittleError('CONFIG', `budget.${key}: invalid value ${show(v)} (${what})`, where));
  const rules: BudgetRule[] = [];
  for (const [key, v] of Object.entries(section as Record<string, unknown>)) {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    switch (key) {
      case 'maxImageSize':
      case 'maxWastedBytes':
      case 'maxReclaimableBytes': {
        const n = bytes(v);
        if (n === null) return bad(key, v, 'expected a size such as 200MB or a number of bytes');
        const actual = key === 'maxImageSize' ? (f: BudgetFacts) => f.sizeBytes : key === 'maxWastedBytes' ? (f: BudgetFacts) => f.wastedBytes : (f: BudgetFacts) => f.reclaimableBytes;
        rules.push(atMost(`budget:${key}`, n, text, actual));
        break;
      }
      case 'maxLayerSize':
      case 'maxUserLayerSize': {
        const n = bytes(v);
        if (n === null) return bad(key, v, 'expected a size such as 50MB or a number of bytes');
        rules.push(perLayer(`budget:${key}`, n, text, key === 'maxLayerSize' ? () => true : (l) => l.user));
        break;
      }
      case 'minEfficiency': {
        const r = ratio(v);
        if (r === null) return bad(key, v, 'expected a ratio from 0 to 1 or a percentage');
        rules.push(atLeast(`budget:${key}`, r, text, (f) => f.efficiency));
        break;
      }
      case 'maxWastedPercent': {
        const r = ratio(v);
        if (r === null) return bad(key, v, 'expected a ratio from 0 to 1 or a percentage');
        rules.push(atMost(`budget:${key}`, r, text, (f) => (Number.isNaN(f.userWastedRatio) ? -Infinity : f.userWastedRatio)));
        break;
      }
      case 'maxFindings': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(key, v, 'expected a mapping of severity to count');
        for (const [sev, n] of Object.entries(v as Record<string, unknown>)) {
          if (!(SEVERITIES as readonly string[]).includes(sev)) return bad(`${key}.${sev}`, n, `expected one of ${SEVERITIES.join(', ')} as the key`);
          if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return bad(`${key}.${sev}`, n, 'expected a count');
          rules.push(atMost(`budget:${key}.${sev}`, n, String(n), (f) => f.findings[sev as keyof BudgetFacts['findings']]));
        }
        break;
      }
      case 'maxGrowth': {
        const pct = typeof v === 'string' && /%\s*$/.test(v) ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
        if (pct !== null) {
          const r = Number(pct[1]) / 100;
          rules.push(atMost('budget:maxGrowth', r, text, (f) => (f.baselineSizeBytes === null || f.baselineSizeBytes === 0 ? null : (f.sizeBytes - f.baselineSizeBytes) / f.baselineSizeBytes)));
          break;
        }
        const n = bytes(v);
        if (n === null) return bad(key, v, 'expected a percentage such as 10% or a size such as 5MB');
        rules.push(atMost('budget:maxGrowth', n, text, (f) => (f.baselineSizeBytes === null ? null : f.sizeBytes - f.baselineSizeBytes)));
        break;
      }
      default:
        return bad(key, v, `unknown budget key; known: ${BUDGET_KEYS.join(', ')}`);
    }
  }
  return ok(rules);
}
