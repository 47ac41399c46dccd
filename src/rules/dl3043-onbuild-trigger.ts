// DL3043: ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER; Docker rejects them when the child image builds.
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const dl3043: Rule = {
  id: 'DL3043',
  title: 'ONBUILD, FROM or MAINTAINER triggered from within ONBUILD',
  category: 'correctness',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // `ONBUILD ONBUILD ONBUILD x` is one mistake, reported once on its line.
    return df.instructions
      .filter((ins) => ins.trigger !== null && FORBIDDEN.has(ins.trigger.keyword))
      .map((ins) => findingAt(dl3043, ins, `ONBUILD cannot trigger ${ins.trigger?.keyword ?? ''}`));
  },
};
