// DL3021: COPY of several sources needs a directory destination, written with a trailing slash.
import { withKeyword } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

function endsWithSlash(dest: string): boolean {
  return dest.replace(/^["']+|["']+$/g, '').endsWith('/');
}

export const dl3021: Rule = {
  id: 'DL3021',
  title: 'COPY with several sources needs a destination ending in /',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // hadolint checks COPY only, and not inside ONBUILD.
    return withKeyword(df, 'COPY', { triggers: false })
      .filter((ins) => (ins.copy?.sources.length ?? 0) > 1 && !endsWithSlash(ins.copy?.destination ?? ''))
      .map((ins) => findingAt(dl3021, ins, 'COPY with more than one source needs a destination directory ending in /'));
  },
};
