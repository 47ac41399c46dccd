// DL3003: `cd` in a RUN lasts one command; WORKDIR says where the following instructions run.
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3003: Rule = {
  id: 'DL3003',
  title: 'Use WORKDIR to switch to a directory',
  category: 'style',
  severity: 'warning',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    // hadolint does not look inside ONBUILD for this rule.
    return runs(df, { triggers: false })
      .filter((run) => commandsOf(run).some((c) => c.name === 'cd'))
      .map((run) => findingAt(dl3003, run, 'Use WORKDIR to change directory instead of `cd` in a RUN'));
  },
};
