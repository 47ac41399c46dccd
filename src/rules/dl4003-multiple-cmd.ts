// DL4003: only the last CMD of a stage takes effect; earlier ones mislead the reader.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl4003: Rule = {
  id: 'DL4003',
  title: 'Use one CMD per stage',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    let seen = false;
    // Top-level CMDs only: an ONBUILD CMD is for child images.
    return df.instructions
      .filter((ins) => {
        if (ins.keyword === 'FROM') seen = false;
        if (ins.keyword !== 'CMD') return false;
        const again = seen;
        seen = true;
        return again;
      })
      .map((ins) => findingAt(dl4003, ins, 'another CMD in this stage: only the last CMD takes effect'));
  },
};
