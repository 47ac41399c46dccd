// DL3045: a relative COPY destination lands wherever the base image's WORKDIR happens to point.
import type { Finding, Rule } from './rule.js';
import { findingAt } from './rule.js';
import { stageFacts } from './helpers.js';

function isRelative(dest: string): boolean {
  const d = dest.replace(/^["']+|["']+$/g, '');
  // Absolute paths, Windows drive paths (`c:\x`, `c:/x`) and variables are left alone.
  return !(d.startsWith('/') || /^[A-Za-z]:/.test(d) || d.startsWith('$'));
}

export const dl3045: Rule = {
  id: 'DL3045',
  title: 'COPY to a relative destination without WORKDIR set',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // As hadolint: only top-level instructions (an ONBUILD WORKDIR or COPY is not looked at), COPY but not ADD.
    const workdir = stageFacts();
    const found: Finding[] = [];
    for (const ins of df.instructions) {
      if (ins.keyword === 'FROM') workdir.enter(ins);
      else if (ins.keyword === 'WORKDIR') workdir.set();
      else if (ins.keyword === 'COPY' && !workdir.holds() && isRelative(ins.copy?.destination ?? '/')) {
        found.push(findingAt(dl3045, ins, `COPY to relative ${ins.copy?.destination ?? ''} with no WORKDIR set in this stage`));
      }
    }
    return found;
  },
};
