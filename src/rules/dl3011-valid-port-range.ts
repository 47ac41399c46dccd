// DL3011: EXPOSE takes TCP/UDP ports, which stop at 65535.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const MAX_PORT = 65535;

// Ports written with variables are unknown until build time, so only literal numbers are judged.
function badPorts(word: string): string[] {
  const spec = word.replace(/\/[A-Za-z]+$/, '');
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (m === null) return [];
  return [m[1], m[2]].filter((p): p is string => p !== undefined && Number(p) > MAX_PORT);
}

export const dl3011: Rule = {
  id: 'DL3011',
  title: 'Exposed ports must be 0 to 65535',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return withKeyword(df, 'EXPOSE', { triggers: false }).flatMap((ins) => {
      const bad = ins.words.flatMap(badPorts);
      if (bad.length === 0) return [];
      return [findingAt(dl3011, ins, `Port ${bad.join(', ')} is out of range: valid ports are 0 to ${MAX_PORT}`)];
    });
  },
};
