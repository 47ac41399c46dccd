// DL4004: only the last ENTRYPOINT of a stage takes effect; earlier ones mislead the reader.
import { repeatsInStage } from './helpers.js';
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
    return repeatsInStage(df, 'ENTRYPOINT').map(({ later }) => findingAt(dl4004, later, 'another ENTRYPOINT in this stage: only the last ENTRYPOINT takes effect'));
  },
};
