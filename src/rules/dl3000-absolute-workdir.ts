// DL3000: a relative WORKDIR depends on whatever WORKDIR the base image left behind.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

function isAbsolute(dir: string): boolean {
  const d = dir.replace(/^["']|["']$/g, '');
  // Variables may expand to anything; Windows drive paths are absolute too.
  return d.startsWith('/') || d.startsWith('$') || /^[A-Za-z]:[\\/]/.test(d);
}

export const dl3000: Rule = {
  id: 'DL3000',
  title: 'Use absolute WORKDIR',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return withKeyword(df, 'WORKDIR')
      .filter((ins) => !isAbsolute(ins.args.trim()))
      .map((ins) => findingAt(dl3000, ins, 'Use absolute WORKDIR'));
  },
};
