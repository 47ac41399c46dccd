// DL3061: only ARG (and comments) may come before the first FROM; anything else has no stage to belong to.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3061: Rule = {
  id: 'DL3061',
  title: 'Begin with FROM, ARG or a comment',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return df.instructions
      .filter((ins) => ins.stage === -1 && ins.keyword !== 'ARG')
      .map((ins) => findingAt(dl3061, ins, `${ins.keyword} before the first FROM: a Dockerfile must begin with FROM, ARG or a comment`));
  },
};
