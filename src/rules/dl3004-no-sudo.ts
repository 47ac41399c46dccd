// DL3004: builds already run as the image's USER; sudo adds a TTY- and config-dependent layer of behaviour.
import { commandsOf, runs } from './helpers.js';
import type { Rule } from './rule.js';
import { findingAt } from './rule.js';

export const dl3004: Rule = {
  id: 'DL3004',
  title: 'Do not use sudo',
  category: 'security',
  severity: 'error',
  origin: 'hadolint',
  fixable: false,
  check(df) {
    return runs(df)
      .filter((run) => commandsOf(run).some((c) => c.name === 'sudo'))
      .map((run) => findingAt(dl3004, run, 'Do not use sudo: switch with USER, or use gosu/su-exec to drop privileges'));
  },
};
