// DL4003: only the last CMD of a stage takes effect; earlier ones mislead the reader.
import { repeatsInStage } from './helpers.js';
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
    return repeatsInStage(df, 'CMD').map(({ later }) => findingAt(dl4003, later, 'another CMD in this stage: only the last CMD takes effect'));
  },
};
