// DL3007: `:latest` moves under you; a release tag (or a digest) keeps builds reproducible.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3007: Rule = {
  id: 'DL3007',
  title: 'Do not use the latest tag',
  category: 'correctness',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return df.stages
      .filter(({ from: ins }) => ins.from?.tag === 'latest' && ins.from.digest === null)
      .map(({ from: ins }) => findingAt(dl3007, ins, '`latest` changes whenever the image is pushed again: pin a release tag'));
  },
};
