// DL4004: only the last ENTRYPOINT of a stage takes effect; earlier ones mislead the reader.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl4004: Rule = {
  id: 'DL4004',
  title: 'Use one ENTRYPOINT per stage',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    let seen = false;
    // Top-level ENTRYPOINTs only: an ONBUILD ENTRYPOINT is for child images.
    return df.instructions
      .filter((ins) => {
        if (ins.keyword === 'FROM') seen = false;
        if (ins.keyword !== 'ENTRYPOINT') return false;
        const again = seen;
        seen = true;
        return again;
      })
      .map((ins) => findingAt(dl4004, ins, 'another ENTRYPOINT in this stage: only the last ENTRYPOINT takes effect'));
  },
};
