// DL3044: within one ENV, `$NAME` still means the value from before the ENV, not the one it sets.
import type { KeyValue } from '../dockerfile/model.js';
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';

const NAME_CHAR = /[0-9A-Za-z_]/;

// `${name}` anywhere, or `$name` not followed by another name character (so `$BLAFOO` is not `$BLA`).
function references(text: string, name: string): boolean {
  if (text.includes(`\${${name}}`)) return true;
  return text.split(`$${name}`).slice(1).some((rest) => rest === '' || !NAME_CHAR.test(rest.charAt(0)));
}

// Names this ENV sets that another of its own pairs reads (a pair reading its own old value is fine).
function readWithin(pairs: readonly KeyValue[]): string[] {
  return pairs
    .filter((p, i) => pairs.some((other, j) => j !== i && references(other.value ?? '', p.key)))
    .map((p) => p.key);
}

export const dl3044: Rule = {
  id: 'DL3044',
  title: 'Do not refer to an environment variable within the same ENV statement where it is defined',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // As hadolint: names set by any earlier ENV or ARG, in any stage, have an old value to refer to.
    const known = new Set<string>();
    const found: Finding[] = [];
    for (const ins of df.instructions) {
      const pairs = ins.pairs ?? [];
      if (ins.keyword === 'ENV') {
        const unknown = readWithin(pairs).filter((n) => !known.has(n));
        if (unknown.length > 0) {
          found.push(findingAt(dl3044, ins, `${[...new Set(unknown)].join(', ')} is set and read in the same ENV; the read sees the old value`));
        }
      }
      if (ins.keyword === 'ENV' || ins.keyword === 'ARG') for (const p of pairs) known.add(p.key);
    }
    return found;
  },
};
